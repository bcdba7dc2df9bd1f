// Reads an unknot export back (docs/export-format.md). The whole file becomes plain records
// first, every field checked with its JSON path; only a file that passes as a whole is written,
// in one transaction, so a refusal leaves the database exactly as it was.
#include "exchange/import.hpp"

#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "accounts/accounts.hpp"
#include "codec/codec.hpp"
#include "codec/dates.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "exchange/export.hpp"
#include "exchange/import_fields.hpp"

namespace unknot::exchange {

namespace bj = boost::json;
namespace fs = std::filesystem;
using detail::Fields;
using detail::max_ms;

namespace {

std::string mib(std::uintmax_t bytes) {
    auto tenths = (bytes * 10 + (1u << 19)) >> 20;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " MiB";
}

struct SessionIn {
    NewSession session;
    std::int64_t ended_unix_ms = 0;
    SessionStatus status = SessionStatus::open;
    std::vector<StoredEvent> events;
    std::vector<HoldRecord> holds;
    std::vector<VisitRecord> visits;
};

// A record someone made for the person: by a trainer (whose account does not come along) or by
// the person.
template <class T>
struct Made {
    T record;
    bool by_trainer = false;
};

struct Doc {
    std::optional<User> user;  // none: data recorded before any account existed
    bool was_trainer = false;  // a trainer or administrator where it came from
    std::vector<SessionIn> sessions;
    std::vector<Made<StoredAssessment>> assessments;
    std::vector<Made<StoredScreening>> screenings;
    std::vector<Made<StoredClearance>> clearances;
    std::vector<Assignment> assignments;
    std::vector<UserTechnique> techniques;
};

// Values that must differ within a list, and where each was first seen.
class Unique {
public:
    Unique(std::string field, std::string rule) : field_(std::move(field)), rule_(std::move(rule)) {}
    void add(const std::string& value, const std::string& path, const std::string& first_path) {
        auto [it, fresh] = first_.emplace(value, first_path);
        if (!fresh) throw InputError(path, "`" + value + "` is also the " + field_ + " of " + it->second + ": " + rule_);
    }

private:
    std::string field_, rule_;
    std::map<std::string, std::string> first_;
};

// A clearance is checked as it was when recorded: against the newest screening in the file made
// up to then, and with that day as "today" (one that has run out since is history, not an error).
void check_recorded_clearance(const StoredClearance& c, const std::vector<Made<StoredScreening>>& screenings, const Catalog& catalog) {
    const StoredScreening* latest = nullptr;
    for (const auto& [s, _] : screenings)
        if (s.created_unix_ms <= c.created_unix_ms && (!latest || s.created_unix_ms >= latest->created_unix_ms)) latest = &s;
    if (!latest) throw InputError("condition", "no screening in this file was recorded before this clearance, so there is no refer it can lift");
    auto answers = json::answers_from_json(json::parse(latest->answers_json, "screening"), "");
    check_new_clearance({c.condition, c.day, c.note}, screen(answers, catalog), local_day(c.created_unix_ms), catalog);
}

// Plans, profiles, assessments and answers are checked by the readers the CLI and the server
// use, which report places inside the value; those are put under the value's own place.
template <class F>
void check_within(const Fields& f, std::string_view key, F&& read) {
    f.object(key);
    within(f.at(key), ".", [&] { return read(f.need(key)); });
}

SessionIn session_in(const bj::value& v, const std::string& path, const Catalog& catalog) {
    Fields f(v, path, {"installation", "client_id", "started_unix_ms", "ended_unix_ms", "date", "status", "plan", "events", "holds", "visits"});
    SessionIn s;
    if (!f.need("client_id").is_null()) s.session.client_id = f.client_id("client_id");
    s.session.started_unix_ms = f.integer("started_unix_ms", 0, max_ms);
    s.session.day = f.date("date");
    s.status = f.named("status", kSessionStatuses);
    auto ended = f.integer_or_null("ended_unix_ms", 1, max_ms);
    if (s.status == SessionStatus::open && ended) throw InputError(f.at("ended_unix_ms"), "an open session has not ended: expected null");
    s.ended_unix_ms = ended.value_or(0);
    check_within(f, "plan", [&](const bj::value& p) { return json::plan_from_json(p, catalog); });
    s.session.plan_json = bj::serialize(f.need("plan"));

    const auto& events = f.list("events");
    Unique event_ids("id", "event ids must be unique within a session");
    for (std::size_t i = 0; i < events.size(); ++i) {
        Fields e(events[i], json::index(f.at("events"), i), {"id", "t_ms", "type", "tenderness"});
        StoredEvent se;
        se.client_id = e.client_id("id");
        event_ids.add(se.client_id, e.at("id"), e.path());
        se.event.t_ms = e.integer("t_ms", 0, max_ms);
        auto type = parse_event_type(e.word("type", {"start", "in_position", "found", "eased", "too_painful", "next", "skip", "pause", "resume", "quit", "tick"}));
        se.event.type = *type;
        if (e.find("tenderness")) se.event.tenderness = static_cast<int>(e.integer("tenderness", 0, 10));
        s.events.push_back(std::move(se));
    }
    const auto& holds = f.list("holds");
    for (std::size_t i = 0; i < holds.size(); ++i) {
        Fields h(holds[i], json::index(f.at("holds"), i),
                 {"item", "technique", "side", "muscles", "spot", "found_ms", "ended_ms", "hold_s", "tenderness_start", "tenderness_end", "outcome"});
        HoldRecord r;
        r.item = static_cast<int>(h.integer("item", 0, 10'000));
        r.technique = h.id("technique");
        r.side = h.side("side");
        r.muscles = h.ids("muscles");
        r.spot = static_cast<int>(h.integer("spot", 1, 10'000));
        r.found_ms = h.integer("found_ms", 0, max_ms);
        r.ended_ms = h.integer("ended_ms", r.found_ms, max_ms);
        r.hold_s = static_cast<int>(h.integer("hold_s", 0, 86'400));
        r.tenderness_start = static_cast<int>(h.integer("tenderness_start", 0, 10));
        if (auto end = h.integer_or_null("tenderness_end", 0, 10)) r.tenderness_end = static_cast<int>(*end);
        r.outcome = *parse_hold_outcome(h.word("outcome", {"eased", "too_painful", "timed_out", "stopped", "released_early"}));
        s.holds.push_back(std::move(r));
    }
    const auto& visits = f.list("visits");
    for (std::size_t i = 0; i < visits.size(); ++i) {
        Fields x(visits[i], json::index(f.at("visits"), i), {"item", "kind", "id", "side", "muscles", "outcome", "spots", "started_ms", "ended_ms"});
        VisitRecord r;
        r.item = static_cast<int>(x.integer("item", 0, 10'000));
        r.kind = *parse_item_kind(x.word("kind", {"smr", "stretch", "activation", "integration"}));
        r.id = x.id("id");
        r.side = x.side("side");
        r.muscles = x.ids("muscles");
        r.outcome = *parse_visit_outcome(x.word("outcome", {"done", "skipped", "stopped"}));
        r.spots = static_cast<int>(x.integer("spots", 0, 10'000));
        r.started_ms = x.integer("started_ms", 0, max_ms);
        r.ended_ms = x.integer("ended_ms", r.started_ms, max_ms);
        s.visits.push_back(std::move(r));
    }
    return s;
}

Doc read_doc(const bj::value& root, const Catalog& catalog) {
    const auto& top = json::as_object(root, "");
    // Format and version first: a different kind of file should hear that, not about its fields.
    auto* format = top.if_contains("format");
    if (!format || !format->is_string() || format->get_string() != export_format)
        throw InputError("format", "this is not an unknot export: expected \"format\": \"unknot-export\"");
    auto* version = top.if_contains("version");
    if (!version || !version->is_int64() || version->get_int64() != export_version)
        throw InputError("version", "unsupported version " + (version ? bj::serialize(*version) : std::string("(missing)")) +
                                        "; this unknot reads version " + std::to_string(export_version) + " only");
    Fields f(root, "", {"format", "version", "exported_unix_ms", "installation", "user", "sessions", "assessments", "screenings", "clearances", "assignments", "user_techniques"});
    f.integer("exported_unix_ms", 0, max_ms);
    Doc doc;
    // Where the file came from is not imported; only whether the person coached there.
    if (auto* inst = f.find("installation"); inst && inst->is_object())
        if (auto* role = inst->get_object().if_contains("role"); role && role->is_string())
            doc.was_trainer = role->get_string() == "trainer" || role->get_string() == "admin";

    if (!f.need("user").is_null()) {
        Fields u(f.need("user"), "user", {"email", "name", "created_unix_ms"});
        User user;
        user.email = normalise_email(json::as_string(u.need("email"), u.at("email")));
        if (auto p = email_problem(user.email)) throw InputError(u.at("email"), *p);
        user.name = json::as_string(u.need("name"), u.at("name"));
        if (auto p = name_problem(user.name)) throw InputError(u.at("name"), *p);
        user.created_unix_ms = u.integer("created_unix_ms", 0, max_ms);
        doc.user = std::move(user);
    }

    const auto& sessions = f.list("sessions");
    Unique client_ids("client_id", "each session's client_id must be unique");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        auto path = json::index("sessions", i);
        doc.sessions.push_back(session_in(sessions[i], path, catalog));
        if (const auto& id = doc.sessions.back().session.client_id; !id.empty()) client_ids.add(id, path + ".client_id", path);
    }
    auto by_trainer = [&](const Fields& r) {
        bool b = r.boolean("by_trainer");
        if (b && !doc.user) throw InputError(r.at("by_trainer"), "data recorded before any account existed cannot come from a trainer");
        return b;
    };
    const auto& assessments = f.list("assessments");
    for (std::size_t i = 0; i < assessments.size(); ++i) {
        Fields a(assessments[i], json::index("assessments", i), {"installation", "created_unix_ms", "date", "by_trainer", "assessment"});
        check_within(a, "assessment", [&](const bj::value& v) { return json::assessment_from_json(v, ""); });
        StoredAssessment s{0, a.integer("created_unix_ms", 0, max_ms), a.date("date"), bj::serialize(a.need("assessment")), 0, 0};
        doc.assessments.push_back({std::move(s), by_trainer(a)});
    }
    const auto& screenings = f.list("screenings");
    for (std::size_t i = 0; i < screenings.size(); ++i) {
        Fields x(screenings[i], json::index("screenings", i), {"installation", "created_unix_ms", "date", "by_trainer", "answers", "result"});
        check_within(x, "answers", [&](const bj::value& v) { return json::answers_from_json(v, ""); });
        StoredScreening s{0, 0, 0, x.integer("created_unix_ms", 0, max_ms), x.date("date"), bj::serialize(x.need("answers")),
                          x.word("result", {"clear", "caution", "refer"})};
        doc.screenings.push_back({std::move(s), by_trainer(x)});
    }
    // Optional: exports made before clearances existed have none.
    if (f.find("clearances")) {
        const auto& clearances = f.list("clearances");
        for (std::size_t i = 0; i < clearances.size(); ++i) {
            Fields x(clearances[i], json::index("clearances", i), {"installation", "created_unix_ms", "condition", "date", "by_trainer", "note"});
            StoredClearance c{0, 0, 0, x.integer("created_unix_ms", 0, max_ms), x.id("condition"), x.date("date"),
                              json::as_string(x.need("note"), x.at("note"))};
            within(x.path(), ".", [&] { check_recorded_clearance(c, doc.screenings, catalog); });
            doc.clearances.push_back({std::move(c), by_trainer(x)});
        }
    }
    const auto& assignments = f.list("assignments");
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        Fields a(assignments[i], json::index("assignments", i), {"installation", "created_unix_ms", "note", "profile"});
        check_within(a, "profile", [&](const bj::value& v) { return json::profile_from_json(v, catalog); });
        auto note = json::as_string(a.need("note"), a.at("note"));
        if (note.size() > 500) throw InputError(a.at("note"), "too long: at most 500 characters");
        doc.assignments.push_back({0, 0, 0, a.integer("created_unix_ms", 0, max_ms), bj::serialize(a.need("profile")), note});
    }
    const auto& techniques = f.list("user_techniques");
    Unique technique_ids("id", "each technique's id must be unique");
    for (std::size_t i = 0; i < techniques.size(); ++i) {
        Fields t(techniques[i], json::index("user_techniques", i), {"id", "name", "source", "muscles", "details"});
        UserTechnique u;
        u.id = t.text("id", 200);
        technique_ids.add(u.id, t.at("id"), t.path());
        u.name = t.text("name", 200);
        u.source = t.text("source", 100);
        u.muscles = join(t.ids("muscles"), " ");
        u.details_json = bj::serialize(t.object("details"));
        doc.techniques.push_back(std::move(u));
    }
    return doc;
}

ImportedExport write_doc(Store& store, Doc& doc, std::int64_t now) {
    ImportedExport out;
    store.transaction([&] {
        UserId id = kLocalUser;
        if (doc.user) {
            auto& u = *doc.user;
            if (store.user_by_email(u.email)) throw InputError("user.email", "an account with the email " + u.email + " already exists in this database");
            // As with `unknot admin create-user`: the first account owns the installation.
            bool first = store.count_users() == 0;
            u.role = first ? Role::admin : doc.was_trainer ? Role::trainer : Role::self;
            u.password_hash.clear();  // nobody can sign in until a password is set
            try {
                id = store.create_user(u);
            } catch (const ConflictError&) {
                throw InputError("user.email", "an account with the email " + u.email + " already exists in this database");
            }
            if (first) store.adopt_local_data(id);
            store.audit({0, now, id, id, "import", "unknot import"});
            out.email = u.email, out.role = u.role;
        } else if (store.count_users() != 0) {
            throw InputError("user", "this export holds data recorded before any account existed; it can only be imported into a database that has no accounts yet");
        }
        out.user = id;
        for (auto& s : doc.sessions) {
            s.session.user = id;
            auto sid = store.begin_session(s.session);
            std::int64_t seq = 0;
            for (const auto& e : s.events) store.add_event(sid, ++seq, e);
            // Through the store's own calls: they keep each session's totals for the dashboards.
            for (const auto& h : s.holds) store.save_hold(sid, h);
            for (const auto& v : s.visits) store.save_visit(sid, v);
            if (s.status != SessionStatus::open) store.end_session(sid, s.ended_unix_ms, s.status);
            ++out.sessions, out.events += static_cast<int>(s.events.size());
            out.holds += static_cast<int>(s.holds.size()), out.visits += static_cast<int>(s.visits.size());
        }
        // A trainer's account does not come along; kLocalUser stands for "someone else" so the
        // record still reads as made by a trainer.
        for (auto& [a, by_trainer] : doc.assessments) {
            a.user = id, a.by = by_trainer ? kLocalUser : id;
            store.save_assessment(a);
            ++out.assessments;
        }
        for (auto& [s, by_trainer] : doc.screenings) {
            s.user = id, s.by = by_trainer ? kLocalUser : id;
            store.save_screening(s);
            ++out.screenings;
        }
        for (auto& [c, by_trainer] : doc.clearances) {
            c.user = id, c.by = by_trainer ? kLocalUser : id;
            store.save_clearance(c);
            ++out.clearances;
        }
        for (auto& a : doc.assignments) {
            a.client = id, a.trainer = kLocalUser;
            store.assign(a);
            ++out.assignments;
        }
        for (auto& t : doc.techniques) {
            t.user = id;
            store.put_user_technique(t);
            ++out.techniques;
        }
    });
    return out;
}

}  // namespace

std::string read_import_file(const std::string& path, std::uintmax_t limit) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw InputError(path, "is a folder, not a file");
    auto size = fs::file_size(path, ec);
    if (ec) throw InputError(path, "cannot open the file (does it exist, and may you read it?)");
    if (size > limit) throw InputError(path, "the file is " + mib(size) + "; files over " + mib(limit) + " are refused");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open the file (does it exist, and may you read it?)");
    // Never more than the limit, even if the file grows while it is read.
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw InputError(path, "cannot read the file");
    return text;
}

ImportedExport import_export(Store& store, const Catalog& catalog, std::string_view text, const std::string& name, std::int64_t now_unix_ms) {
    auto root = json::parse(text, name);
    auto doc = within(name, ": ", [&] { return read_doc(root, catalog); });
    return within(name, ": ", [&] { return write_doc(store, doc, now_unix_ms); });
}

}  // namespace unknot::exchange
