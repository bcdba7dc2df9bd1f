// Runs tests/scenarios/**/*.test: rules as data, in the spirit of DuckDB's .test files.
// A file holds cases; each case is an input block then `expect` lines:
//
//   # comment
//   profile                      <- or `answers` for screening only
//   {"targets": ["calf"], ...}   <- JSON, up to the next blank line
//   expect verdict caution
//   expect no smr calves_roll
//
// See tests/scenarios/README.md for every expectation.
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "support/catalog_fixture.hpp"

namespace fs = std::filesystem;
namespace bj = boost::json;
using namespace unknot;

namespace {

struct Case {
    std::string file;
    int line = 0;
    std::string kind;  // profile | answers
    std::string input;
    std::vector<std::pair<int, std::string>> expects;
};

std::vector<Case> read_cases(const fs::path& path) {
    std::ifstream in(path);
    std::vector<Case> cases;
    std::string line;
    int n = 0;
    bool in_json = false;
    while (std::getline(in, line)) {
        ++n;
        auto t = std::string(trim(line));
        if (in_json) {
            if (t.empty()) in_json = false;
            else cases.back().input += line + "\n";
            continue;
        }
        if (t.empty() || t[0] == '#') continue;
        if (t == "profile" || t == "answers" || t == "assessment") {
            cases.push_back(Case{path.string(), n, t, {}, {}});
            in_json = true;
        } else if (t.rfind("expect ", 0) == 0 && !cases.empty()) {
            cases.back().expects.emplace_back(n, t.substr(7));
        } else {
            throw std::runtime_error(path.string() + ":" + std::to_string(n) + ": expected `profile`, `answers` or `expect ...`, got: " + t);
        }
    }
    return cases;
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> w;
    for (std::string x; in >> x;) w.push_back(x);
    return w;
}

// The expectation text after its first n words ("dropped calf no tool fits" -> "no tool fits").
std::string after_words(const std::string& s, std::size_t n) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n; ++i) {
        pos = s.find_first_not_of(' ', pos);
        pos = s.find(' ', pos);
        if (pos == std::string::npos) return {};
    }
    return std::string(trim(s.substr(pos)));
}

std::string str(const bj::value& v) { return v.is_string() ? std::string(v.get_string()) : bj::serialize(v); }

bool list_has(const bj::value& list, const std::string& s) {
    for (const auto& x : list.as_array())
        if (str(x) == s) return true;
    return false;
}

// All items of a kind (optionally with an id and a side: "left", "right" or "none").
std::vector<const bj::object*> items(const bj::value& plan, const std::string& kind, const std::string& id = "", const std::string& side = "") {
    std::vector<const bj::object*> out;
    for (const auto& ph : plan.at("phases").as_array())
        for (const auto& it : ph.at("items").as_array()) {
            const auto& o = it.as_object();
            if (str(o.at("kind")) != kind) continue;
            if (!id.empty() && str(o.at("id")) != id) continue;
            if (!side.empty() && (side == "none" ? !o.at("side").is_null() : str(o.at("side")) != side)) continue;
            out.push_back(&o);
        }
    return out;
}

bool compare(std::int64_t got, const std::string& op, std::int64_t want) {
    if (op == "==" || op == "=") return got == want;
    if (op == "<=") return got <= want;
    if (op == ">=") return got >= want;
    if (op == "<") return got < want;
    if (op == ">") return got > want;
    throw std::runtime_error("unknown comparison " + op);
}

// Returns an empty string when the expectation holds, else what was wrong.
std::string check(const std::string& expect, const bj::value& out, const std::string& error_where, const std::string& error_text) {
    auto w = words(expect);
    auto need = [&](std::size_t n) {
        if (w.size() < n) throw std::runtime_error("`expect " + expect + "` needs more words");
    };
    bool is_plan = out.is_object() && out.as_object().contains("phases");
    bool is_assessment = out.is_object() && out.as_object().contains("overactive") && !is_plan;
    if (is_assessment) {
        // Muscles as "id" or "id:side", from the result's overactive / underactive lists.
        auto names = [&](const char* list) {
            std::vector<std::string> v;
            for (const auto& x : out.at(list).as_array()) {
                auto id = str(x.at("muscle"));
                v.push_back(x.at("side").is_null() ? id : id + ":" + str(x.at("side")));
            }
            return v;
        };
        auto w0 = words(expect);
        if (w0.empty()) throw std::runtime_error("empty expectation");
        const auto& k0 = w0[0];
        if (k0 == "overactive" || k0 == "underactive") {
            auto got = names(k0.c_str());
            for (std::size_t i = 1; i < w0.size(); ++i)
                if (std::find(got.begin(), got.end(), w0[i]) == got.end()) return k0 + " lacks " + w0[i] + ": " + join(got, " ");
            return {};
        }
        if (k0 == "exact_overactive" || k0 == "exact_underactive") {
            auto got = names(k0 == "exact_overactive" ? "overactive" : "underactive");
            std::vector<std::string> want(w0.begin() + 1, w0.end());
            std::sort(got.begin(), got.end());
            std::sort(want.begin(), want.end());
            return got == want ? std::string{} : k0 + " is: " + join(got, " ");
        }
        if (k0 == "first_overactive") return str(out.at("overactive").at(0).at("muscle")) == w0.at(1) ? std::string{} : "first is " + str(out.at("overactive").at(0).at("muscle"));
        if (k0 == "count") {
            for (const auto* list : {"overactive", "underactive"})
                for (const auto& x : out.at(list).as_array())
                    if (str(x.at("muscle")) == w0.at(1)) return x.at("count").as_int64() == std::stoll(w0.at(2)) ? std::string{} : "count is " + str(x.at("count"));
            return w0.at(1) + " not implicated";
        }
        if (k0 == "edition") return str(out.at("edition")) == w0.at(1) ? std::string{} : "edition is " + str(out.at("edition"));
        if (k0 != "error") throw std::runtime_error("unknown assessment expectation `" + k0 + "`");
    }
    const bj::value& scr = is_plan ? out.at("screening") : out;
    need(1);
    const auto& k = w[0];
    if (k == "error") {
        need(2);
        if (error_where.empty()) return "expected an input error at " + w[1] + ", but the input was accepted";
        if (error_where.find(w[1]) == std::string::npos) return "expected the error at " + w[1] + ", got: " + error_text;
        if (w.size() > 2) {
            auto rest = after_words(expect, 2);
            if (error_text.find(rest) == std::string::npos) return "error text lacks `" + rest + "`: " + error_text;
        }
        return {};
    }
    if (!error_where.empty()) return "unexpected input error: " + error_text;
    auto fail_if = [&](bool bad, const std::string& msg) { return bad ? msg : std::string{}; };
    if (k == "verdict") return need(2), fail_if(str(scr.at("verdict")) != w[1], "verdict is " + str(scr.at("verdict")));
    if (k == "excluded") return need(2), fail_if(!list_has(scr.at("excluded_regions"), w[1]), "not excluded: " + w[1] + " in " + bj::serialize(scr.at("excluded_regions")));
    if (k == "reason") {
        need(2);
        for (const auto& r : scr.at("reasons").as_array())
            if (str(r.at("condition")) == w[1]) return {};
        return "no reason from " + w[1];
    }
    if (k == "follow_up") {
        need(2);
        for (const auto& r : scr.at("follow_ups").as_array())
            if (str(r.at("id")) == w[1]) return {};
        return "no follow-up " + w[1];
    }
    if (k == "no_follow_ups") return fail_if(!scr.at("follow_ups").as_array().empty(), "follow-ups: " + bj::serialize(scr.at("follow_ups")));
    if (k == "prefer_tool") return need(2), fail_if(!list_has(scr.at("prefer_tools"), w[1]), "tool not preferred: " + w[1]);
    if (k == "no_floor") return fail_if(!scr.at("no_floor").as_bool(), "no_floor is false");
    if (k == "advice") {
        auto text = expect.substr(7);
        for (const auto& a : scr.at("advice").as_array())
            if (str(a).find(text) != std::string::npos) return {};
        return "no advice containing `" + text + "`";
    }
    if (k == "not") {
        need(3);
        if (w[1] == "excluded") return fail_if(list_has(scr.at("excluded_regions"), w[2]), w[2] + " is excluded");
        if (w[1] == "dropped") {
            for (const auto& d : out.at("dropped").as_array())
                if (str(d.at("target")) == w[2]) return w[2] + " was dropped: " + str(d.at("reason"));
            return {};
        }
        throw std::runtime_error("unknown `expect not " + w[1] + "`");
    }
    if (!is_plan) throw std::runtime_error("`expect " + k + "` needs a profile case");
    if (k == "smr" || k == "stretch" || k == "activation" || k == "integration") {
        need(2);
        auto found = items(out, k, w[1], w.size() > 2 ? w[2] : "");
        return fail_if(found.empty(), "no " + k + " item " + w[1] + (w.size() > 2 ? " (" + w[2] + ")" : ""));
    }
    if (k == "no") {
        need(2);
        auto found = items(out, w[1], w.size() > 2 ? w[2] : "", w.size() > 3 ? w[3] : "");
        return fail_if(!found.empty(), "found " + std::to_string(found.size()) + " unexpected " + w[1] + " item(s)");
    }
    if (k == "why") {  // why ITEM_ID FINDING: the item names that finding as its reason
        need(3);
        for (auto* it : items(out, "smr", w[1]).empty() ? items(out, "activation", w[1]) : items(out, "smr", w[1]))
            for (const auto& y : it->at("why").as_array())
                if (str(y.at("finding")) == w[2]) return {};
        return w[1] + " does not name " + w[2] + " as its reason";
    }
    if (k == "tool") {
        need(3);
        for (auto* it : items(out, "smr", w[1]))
            if (str(it->at("tool")) != w[2]) return w[1] + " uses " + str(it->at("tool"));
        return fail_if(items(out, "smr", w[1]).empty(), "no smr item " + w[1]);
    }
    if (k == "hold_target") {
        need(3);
        for (auto* it : items(out, "smr", w[1]))
            if (it->at("hold_target_s").as_int64() != std::stoll(w[2])) return "hold_target_s is " + str(it->at("hold_target_s"));
        return fail_if(items(out, "smr", w[1]).empty(), "no smr item " + w[1]);
    }
    if (k == "stretch_hold") {
        need(3);
        for (auto* it : items(out, "stretch", w[1]))
            if (it->at("hold_s").as_int64() != std::stoll(w[2])) return "hold_s is " + str(it->at("hold_s"));
        return fail_if(items(out, "stretch", w[1]).empty(), "no stretch item " + w[1]);
    }
    if (k == "dropped") {
        need(2);
        for (const auto& d : out.at("dropped").as_array())
            if (str(d.at("target")) == w[1]) {
                if (w.size() < 3) return {};
                auto text = after_words(expect, 2);
                return fail_if(str(d.at("reason")).find(text) == std::string::npos, "dropped for: " + str(d.at("reason")));
            }
        return w[1] + " was not dropped";
    }
    if (k == "phases") {
        std::vector<std::string> got;
        for (const auto& ph : out.at("phases").as_array()) got.push_back(str(ph.at("phase")));
        std::vector<std::string> want(w.begin() + 1, w.end());
        return fail_if(got != want, "phases are: " + join(got, " "));
    }
    if (k == "smr_count" || k == "stretch_count" || k == "activation_count" || k == "integration_count" || k == "total_seconds") {
        need(3);
        std::int64_t got = k == "total_seconds" ? out.at("total_seconds").as_int64()
                                                : static_cast<std::int64_t>(items(out, k.substr(0, k.find("_count"))).size());
        return fail_if(!compare(got, w[1], std::stoll(w[2])), k + " is " + std::to_string(got));
    }
    throw std::runtime_error("unknown expectation `" + k + "`");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: unknot_scenarios DIR\n";
        return 2;
    }
    const auto& catalog = test::catalog();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(argv[1]))
        if (e.path().extension() == ".test") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    int passed = 0, failed = 0;
    for (const auto& f : files) {
        std::vector<Case> cases;
        try {
            cases = read_cases(f);
        } catch (const std::exception& e) {
            std::cout << "FAIL " << e.what() << "\n";
            ++failed;
            continue;
        }
        for (const auto& c : cases) {
            std::string where = c.file + ":" + std::to_string(c.line);
            bj::value out;
            std::string err_where, err_text;
            try {
                auto v = json::parse(c.input, where);
                if (c.kind == "profile") out = json::to_json(make_plan(json::profile_from_json(v, catalog), catalog));
                else if (c.kind == "assessment") out = json::to_json(assess(json::assessment_from_json(v, ""), catalog), catalog);
                else out = json::to_json(screen(json::answers_from_json(v, "screening"), catalog));
            } catch (const InputError& e) {
                err_where = e.where().empty() ? "(top)" : e.where();
                err_text = e.what();
            }
            if (c.expects.empty()) {
                std::cout << "FAIL " << where << ": a case needs at least one `expect`\n";
                ++failed;
                continue;
            }
            for (const auto& [line, ex] : c.expects) {
                std::string problem;
                try {
                    problem = check(ex, out, err_where, err_text);
                } catch (const std::exception& e) {
                    problem = std::string("bad expectation: ") + e.what();
                }
                if (problem.empty()) {
                    ++passed;
                } else {
                    ++failed;
                    std::cout << "FAIL " << c.file << ":" << line << ": expect " << ex << "\n     " << problem << "\n";
                }
            }
        }
    }
    std::cout << files.size() << " scenario files\n" << passed << " passed, " << failed << " failed\n";
    return failed == 0 && passed > 0 ? 0 : 1;
}
