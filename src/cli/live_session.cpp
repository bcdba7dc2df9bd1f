// The live terminal session: eyes-off first. One key (space) always does the obvious next
// thing; the screen is big, plain text; every cue rings the terminal bell.
#include <fmt/core.h>

#include <chrono>

#include "cli/app.hpp"
#include "cli/recorder.hpp"
#include "cli/terminal.hpp"
#include "codec/dates.hpp"

namespace unknot::cli {

namespace {

enum class Ask { nothing, found, early, eased };  // early: ease off before the hold minimum?

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
    std::string out, line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto sp = text.find(' ', pos);
        if (sp == std::string::npos) sp = text.size();
        auto word = text.substr(pos, sp - pos);
        pos = sp + 1;
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += indent + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) out += indent + line + "\n";
    return out;
}

std::string clock(std::int64_t ms) { return fmt::format("{}:{:02}", ms / 60000, (ms / 1000) % 60); }

std::string hold_bar(std::int64_t ms, int min_s, int max_s) {
    constexpr int width = 45;
    std::string bar;
    int filled = static_cast<int>(ms * width / (max_s * 1000LL));
    int mark = min_s * width / max_s;
    for (int i = 0; i < width; ++i) bar += i == mark ? '|' : (i < filled ? '#' : '-');
    return "[" + bar + "]";
}

// What to do in this state, from the technique's own content: set-up steps while getting into
// position, the roll path while searching.
std::string guidance(const PlanItem& it, State st, const Catalog& c) {
    std::string out;
    if (it.kind == ItemKind::stretch) {
        const Stretch* s = c.stretch(it.id);
        if (s && (st == State::positioning || st == State::stretching))
            for (std::size_t i = 0; i < s->setup.size(); ++i) out += wrap(fmt::format("{}. {}", i + 1, s->setup[i]), 64, "   ");
        return out;
    }
    const Technique* t = c.technique(it.id);
    if (!t) return out;
    if (st == State::positioning)
        for (std::size_t i = 0; i < t->setup.size(); ++i) out += wrap(fmt::format("{}. {}", i + 1, t->setup[i]), 64, "   ");
    if (st == State::rolling) out += wrap(fmt::format("Roll from {} to {}.", t->roll_from, t->roll_to), 64, "   ");
    return out;
}

// The current hold's minimum in ms: before it, "it eased" is an early release.
std::int64_t hold_min_ms(const Engine& engine) {
    auto s = engine.snapshot();
    return s.item >= 0 ? engine.items()[static_cast<std::size_t>(s.item)].hold_min_s * 1000LL : 0;
}

void render(const Engine& engine, const Catalog& catalog, const std::string& cue, Ask ask, const std::string& note) {
    auto s = engine.snapshot();
    std::string screen = "\x1b[H\x1b[2J";
    if (s.item >= 0) {
        const auto& it = engine.items()[static_cast<std::size_t>(s.item)];
        auto side = it.side ? fmt::format(", {} side", to_string(*it.side)) : std::string{};
        screen += fmt::format(" unknot  |  {} of {}  |  {}{}\n\n", s.item + 1, s.items, it.name, side);
        std::string label{to_string(s.state)};
        for (auto& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        screen += fmt::format("   {}   {}\n", label, clock(s.state_elapsed_ms));
        if (s.state == State::holding)
            screen += fmt::format("   {}  {} s .. {} s\n", hold_bar(s.state_elapsed_ms, it.hold_min_s, it.hold_max_s), it.hold_min_s, it.hold_max_s);
        if (s.state == State::stretching)
            screen += fmt::format("   {} s to go\n", std::max<std::int64_t>(0, it.hold_target_s - s.state_elapsed_ms / 1000));
        if (s.spots) screen += fmt::format("   tender spots on this side: {}\n", s.spots);
        auto steps = guidance(it, s.state, catalog);
        if (!steps.empty()) screen += "\n" + steps;
    } else {
        screen += " unknot\n\n";
    }
    screen += "\n" + wrap(cue, 64, "   >> ") + "\n";
    if (!note.empty()) screen += wrap(note, 64, "   ") + "\n";
    if (ask == Ask::early) {
        screen += "   Ease off already? The spot has not had its time yet.\n   y: yes, ease off   any other key: keep holding\n";
    } else if (ask != Ask::nothing) {
        screen += ask == Ask::found ? "   How tender is this spot?" : "   How tender is it now?";
        screen += "  0 (none) .. 9, x = 10, Esc = back\n";
    } else {
        switch (s.state) {
            case State::positioning: screen += "   space: I'm in position"; break;
            case State::rolling: screen += "   space: found a tender spot   n: nothing tender, next"; break;
            case State::holding:
                screen += s.state_elapsed_ms < hold_min_ms(engine) ? "   space: ease off early" : "   space: it eased";
                break;
            case State::eased: screen += "   space: next   f: another spot"; break;
            case State::stretching:
            case State::exercising: screen += "   space: done"; break;
            case State::paused: screen += "   p: resume"; break;
            default: break;
        }
        screen += "\n   s: skip   p: pause   o: too painful   q: quit (saved holds are kept)\n";
    }
    fmt::print("{}", screen);
    std::fflush(stdout);
}

}  // namespace

int run_live_session(const Plan& plan, const Catalog& catalog, Store& store, std::int64_t session) {
    install_interrupt_handlers();
    Engine engine(plan, catalog);
    Recorder rec(store, session);
    const auto t0 = std::chrono::steady_clock::now();
    auto now = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    };
    std::string cue, note;
    auto apply = [&](const Event& e) {
        auto out = engine.handle(e);
        rec.record(out, [&](const HoldRecord& h, int n) {
            note = fmt::format("Saved hold {}: {} s, tenderness {} -> {}.", n, h.hold_s, h.tenderness_start,
                               h.tenderness_end ? std::to_string(*h.tenderness_end) : "-");
        });
        if (!out.cues.empty()) {
            cue = out.cues.back().text;
            fmt::print("\a");
        }
        if (out.rejected) note = *out.rejected;
    };
    int code = exit_ok;
    bool quit = false;
    {
        RawTerminal term;
        apply({EventType::start, 0, std::nullopt});
        Ask ask = Ask::nothing;
        while (engine.state() != State::done) {
            if (interrupted()) {
                apply({EventType::quit, now(), std::nullopt});
                code = exit_interrupted;
                break;
            }
            render(engine, catalog, cue, ask, note);
            auto key = term.read_key(100);
            Event e{EventType::tick, now(), std::nullopt};
            if (key && ask == Ask::early) {
                ask = *key == 'y' || *key == 'Y' ? Ask::eased : Ask::nothing;  // anything else: keep holding
            } else if (key && ask != Ask::nothing) {
                char k = *key;
                if (k == 27) ask = Ask::nothing;
                else if ((k >= '0' && k <= '9') || k == 'x') {
                    e.type = ask == Ask::found ? EventType::found : EventType::eased;
                    e.tenderness = k == 'x' ? 10 : k - '0';
                    ask = Ask::nothing;
                }
            } else if (key) {
                note.clear();
                auto st = engine.state();
                switch (*key) {
                    case ' ':
                    case '\n':
                        if (st == State::positioning) e.type = EventType::in_position;
                        else if (st == State::rolling) ask = Ask::found;
                        else if (st == State::holding) ask = engine.snapshot().state_elapsed_ms < hold_min_ms(engine) ? Ask::early : Ask::eased;
                        else if (st == State::eased || st == State::stretching || st == State::exercising) e.type = EventType::next;
                        else if (st == State::paused) e.type = EventType::resume;
                        break;
                    case 'f': if (st == State::eased) ask = Ask::found; break;
                    case 'n': e.type = EventType::next; break;
                    case 's': e.type = EventType::skip; break;
                    case 'p': e.type = st == State::paused ? EventType::resume : EventType::pause; break;
                    case 'o': e.type = EventType::too_painful; break;
                    case 'q': e.type = EventType::quit, quit = true; break;
                    default: break;
                }
            }
            apply(e);
        }
    }
    bool done = code == exit_ok && !quit && engine.state() == State::done;
    store.end_session(session, now_unix_ms(), done ? SessionStatus::done : SessionStatus::stopped);
    fmt::print("\x1b[H\x1b[2J{}\n\nSession {}: {} holds and {} items saved. `unknot progress` shows how you are doing.\n", cue,
               done ? "complete" : "stopped", rec.holds(), rec.visits());
    return code;
}

}  // namespace unknot::cli
