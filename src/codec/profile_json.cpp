#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"

namespace unknot::json {

Answers answers_from_json(const bj::value& v, const std::string& path) {
    const auto& o = as_object(v, path);
    only_keys(o, path, {"answers"});
    Answers out;
    auto it = o.find("answers");
    if (it == o.end()) return out;
    auto apath = child(path, "answers");
    for (const auto& kv : as_object(it->value(), apath)) {
        auto p = child(apath, kv.key());
        if (kv.value().is_bool()) out.emplace(std::string(kv.key()), kv.value().get_bool());
        else if (kv.value().is_array()) out.emplace(std::string(kv.key()), as_strings(kv.value(), p));
        else throw InputError(p, "expected true/false (or, for a \"where?\" follow-up, a list of regions), got " + type_name(kv.value()));
    }
    return out;
}

Profile profile_from_json(const bj::value& v, const Catalog& catalog) {
    (void)catalog;  // ids are checked by the planner, which knows the context of each
    const auto& o = as_object(v, "");
    only_keys(o, "", {"screening", "targets", "minutes", "tools", "context", "learned_hold_s", "assessment"});
    Profile p;
    if (auto* s = o.if_contains("screening")) p.answers = answers_from_json(*s, "screening");
    if (auto* a = o.if_contains("assessment")) p.assessment = assessment_from_json(*a, "assessment");
    auto* t = o.if_contains("targets");
    if (!t && !p.assessment) throw InputError("targets", "missing: list the muscles or regions to work on, e.g. [\"calf\"]");
    if (t) p.targets = as_strings(*t, "targets");
    if (auto* m = o.if_contains("minutes")) p.minutes = static_cast<int>(as_int(*m, "minutes", 1, 240));
    if (auto* tl = o.if_contains("tools")) p.tools = as_strings(*tl, "tools");
    if (auto* c = o.if_contains("context")) {
        auto s = as_string(*c, "context");
        auto ctx = parse_context(s);
        if (!ctx) throw InputError("context", "must be warm_up, cool_down or daily, not `" + s + "`");
        p.context = *ctx;
    }
    if (auto* l = o.if_contains("learned_hold_s")) {
        for (const auto& kv : as_object(*l, "learned_hold_s"))
            p.learned_hold_s[std::string(kv.key())] = static_cast<int>(as_int(kv.value(), child("learned_hold_s", kv.key()), 30, 90));
    }
    return p;
}

}  // namespace unknot::json
