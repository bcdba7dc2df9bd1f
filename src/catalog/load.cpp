// Builds a Catalog from content files and validates it as a whole. Every error names file:line.
#include <algorithm>
#include <set>

#include "catalog/catalog.hpp"
#include "catalog/diagrams.hpp"
#include "catalog/record.hpp"
#include "catalog/refs.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "poses/check.hpp"
#include "poses/load.hpp"

namespace unknot {

using catalog::FieldReader;
using catalog::Record;

class CatalogBuilder {
public:
    explicit CatalogBuilder(Catalog& c) : c_(c) {}

    void build(const std::vector<ContentFile>& files) {
        std::vector<Record> records;
        for (const auto& f : files) {
            if (f.path.ends_with(".md")) {
                c_.articles_.push_back(article(f));
            } else if (f.path.ends_with(".svg")) {
                c_.diagrams_.push_back(catalog::read_diagram(f));
                diagram_paths_.push_back(f.path);
            } else if (f.path.ends_with(".rec")) {
                auto rs = catalog::parse_records(f.text, f.path);
                records.insert(records.end(), rs.begin(), rs.end());
            }
        }
        index(records);
        for (const auto& r : records) dispatch(r);
        c_.build_indexes();
        check_whole();
    }

private:
    // First pass: every id of every kind, so references can be checked in any file order.
    void index(const std::vector<Record>& records) {
        static const std::set<std::string> kinds{"source", "region", "muscle", "tool", "technique", "stretch", "condition", "cue", "goal", "compensation", "mapping", "activation", "integration", "muscle_name", "gate", "clearance"};
        for (const auto& r : records) {
            if (!kinds.contains(r.kind()) && !poses::is_pose_kind(r.kind()))
                throw InputError(r.where(r.line), "unknown record kind `" + r.kind() + ":` (expected one of: " +
                                                      join({kinds.begin(), kinds.end()}, ", ") + ")");
            if (r.kind() != "source" && !is_id(r.id()))
                throw InputError(r.where(r.line), "`" + r.id() + "` is not a snake_case id");
            auto& seen = ids_[r.kind()];
            if (!seen.insert(r.id()).second)
                throw InputError(r.where(r.line), r.kind() + " `" + r.id() + "` is defined twice");
        }
    }

    void require_known(const Record& r, FieldReader& fr, std::string_view field, const std::string& kind,
                       const std::vector<std::string>& wanted) {
        catalog::require_known(r, fr, field, ids_, kind, wanted);
    }

    std::vector<std::string> sources(const Record& r, FieldReader& fr) { return catalog::read_sources(r, fr, ids_); }

    void dispatch(const Record& r) {
        if (poses::is_pose_kind(r.kind())) return pictures_.add(r);
        FieldReader fr(r);
        const auto& k = r.kind();
        if (k == "source") {
            c_.sources_.push_back({r.id(), fr.text("title"), fr.optional_text("url"), fr.optional_text("note")});
        } else if (k == "region") {
            Region g;
            g.id = r.id();
            g.name = fr.text("name");
            for (const auto& v : fr.ids("views")) {
                if (v == "front") g.front = true;
                else if (v == "back") g.back = true;
                else throw InputError(r.where(fr.line_of("views")), "view must be front or back, not `" + v + "`");
            }
            g.sided = fr.boolean("sided");
            g.rollable = fr.boolean("rollable");
            g.why_not = fr.optional_text("why_not");
            if (!g.rollable && g.why_not.empty())
                throw InputError(r.where(r.line), "region `" + g.id + "` is not rollable: say why in `why_not:`");
            g.sources = sources(r, fr);
            c_.regions_.push_back(std::move(g));
        } else if (k == "muscle") {
            Muscle m;
            m.id = r.id();
            m.name = fr.text("name");
            m.regions = fr.ids("regions");
            require_known(r, fr, "regions", "region", m.regions);
            m.sided = fr.boolean("sided");
            m.kind = fr.optional_text("kind");
            if (m.kind.empty()) m.kind = "muscle";
            if (m.kind != "muscle" && m.kind != "group" && m.kind != "fascia")
                throw InputError(r.where(fr.line_of("kind")), "kind must be muscle, group or fascia");
            m.aliases = fr.ids("aliases", false);
            m.sources = sources(r, fr);
            c_.muscles_.push_back(std::move(m));
        } else if (k == "tool") {
            Tool t;
            t.id = r.id();
            t.name = fr.text("name");
            t.description = fr.text("description");
            t.densities = fr.ids("densities", false);
            t.surfaces = fr.ids("surfaces", false);
            t.needs_floor = fr.optional_boolean("needs_floor", true);
            t.held_in_hand = fr.optional_boolean("held_in_hand", false);
            t.sources = sources(r, fr);
            c_.tools_.push_back(std::move(t));
        } else if (k == "technique") {
            c_.techniques_.push_back(technique(r, fr));
        } else if (k == "stretch") {
            Stretch s;
            s.id = r.id();
            s.name = fr.text("name");
            s.muscles = fr.ids("muscles");
            require_known(r, fr, "muscles", "muscle", s.muscles);
            s.regions = fr.ids("regions");
            require_known(r, fr, "regions", "region", s.regions);
            s.per_side = fr.boolean("per_side");
            s.needs_floor = fr.boolean("needs_floor");
            s.setup = fr.texts("setup");
            // ACSM: 10-30 s, 30-60 s for older adults; we hold at least 30 s.
            s.hold_s = fr.integer("hold_s", 10, 60);
            s.hold_s_older_adult = fr.optional_integer("hold_s_older_adult", 30, 60, std::max(30, s.hold_s));
            s.cues = fr.texts("cue");
            s.sources = sources(r, fr);
            c_.stretches_.push_back(std::move(s));
        } else if (k == "condition") {
            c_.conditions_.push_back(screening_.condition(r, fr));
        } else if (k == "gate") {
            c_.gate_.push_back(screening_.gate(r, fr));
        } else if (k == "clearance") {
            c_.clearance_policy_ = screening_.clearance(r, fr);
        } else if (k == "goal") {
            Goal g;
            g.id = r.id();
            g.name = fr.text("name");
            g.summary = fr.text("summary");
            g.targets = fr.ids("targets");  // checked in check_whole: ids may carry :left/:right
            for (const auto& t : g.targets) {
                auto colon = t.find(':');
                auto id = t.substr(0, colon);
                if (!ids_["muscle"].contains(id) && !ids_["region"].contains(id))
                    throw InputError(r.where(fr.line_of("targets")), "unknown muscle or region `" + id + "` in goal `" + g.id + "`");
            }
            g.context = fr.text("context");
            if (g.context != "warm_up" && g.context != "cool_down" && g.context != "daily")
                throw InputError(r.where(fr.line_of("context")), "context must be warm_up, cool_down or daily");
            g.minutes = fr.integer("minutes", 1, 240);
            g.sources = sources(r, fr);
            c_.goals_.push_back(std::move(g));
        } else if (k == "compensation") {
            Compensation c;
            c.id = r.id();
            c.name = fr.text("name");
            c.assessment = fr.text("assessment");
            static const std::set<std::string> assessments{"overhead_squat", "single_leg_squat", "pushing", "pulling"};
            if (!assessments.contains(c.assessment))
                throw InputError(r.where(fr.line_of("assessment")), "assessment must be overhead_squat, single_leg_squat, pushing or pulling");
            c.view = fr.text("view");
            if (c.view != "anterior" && c.view != "lateral" && c.view != "posterior")
                throw InputError(r.where(fr.line_of("view")), "view must be anterior, lateral or posterior");
            c.sided = fr.boolean("sided");
            c.look_for = fr.text("look_for");
            c.sources = sources(r, fr);
            c_.compensations_.push_back(std::move(c));
        } else if (k == "mapping") {
            c_.mappings_.push_back(mapping(r, fr));
        } else if (k == "muscle_name") {
            c_.muscle_names_.push_back(muscle_name(r, fr));
        } else if (k == "activation") {
            Activation a;
            a.id = r.id();
            a.name = fr.text("name");
            a.muscles = fr.ids("muscles");
            require_known(r, fr, "muscles", "muscle", a.muscles);
            a.regions = fr.ids("regions");
            require_known(r, fr, "regions", "region", a.regions);
            a.per_side = fr.boolean("per_side");
            a.needs_floor = fr.boolean("needs_floor");
            a.equipment = fr.optional_text("equipment");
            a.setup = fr.texts("setup");
            // The continuum's activation dose: 10-15 controlled reps [C7].
            a.reps_min = fr.integer("reps_min", 1, 30);
            a.reps_max = fr.integer("reps_max", a.reps_min, 30);
            a.tempo = fr.optional_text("tempo");
            a.isometric_s = fr.optional_integer("isometric_s", 1, 60, 0);
            if (a.tempo.empty() == (a.isometric_s == 0))
                throw InputError(r.where(r.line), "activation `" + a.id + "` needs either `tempo:` or `isometric_s:`, not both");
            a.cues = fr.texts("cue");
            a.sources = sources(r, fr);
            c_.activations_.push_back(std::move(a));
        } else if (k == "integration") {
            Integration g;
            g.id = r.id();
            g.name = fr.text("name");
            g.regions = fr.ids("regions");
            require_known(r, fr, "regions", "region", g.regions);
            g.muscles = fr.ids("muscles");
            require_known(r, fr, "muscles", "muscle", g.muscles);
            g.needs_floor = fr.boolean("needs_floor");
            g.equipment = fr.optional_text("equipment");
            g.setup = fr.texts("setup");
            g.reps_min = fr.integer("reps_min", 1, 30);
            g.reps_max = fr.integer("reps_max", g.reps_min, 30);
            g.cues = fr.texts("cue");
            g.sources = sources(r, fr);
            c_.integrations_.push_back(std::move(g));
        } else if (k == "cue") {
            CueText q;
            q.id = r.id();
            q.when = fr.text("when");
            q.text = fr.text("text");
            q.at_s = fr.optional_integer("at_s", 0, 600, -1);
            q.every_s = fr.optional_integer("every_s", 5, 600, 0);
            c_.cues_.push_back(std::move(q));
            if (cues_at_.empty()) cues_at_ = r.where(r.line);
        }
        fr.finish();
    }

    Technique technique(const Record& r, FieldReader& fr) {
        Technique t;
        t.id = r.id();
        t.name = fr.text("name");
        t.summary = fr.optional_text("summary");
        t.muscles = fr.ids("muscles");
        require_known(r, fr, "muscles", "muscle", t.muscles);
        t.regions = fr.ids("regions");
        require_known(r, fr, "regions", "region", t.regions);
        t.per_side = fr.boolean("per_side");
        t.tools = fr.ids("tools");
        require_known(r, fr, "tools", "tool", t.tools);
        t.position = fr.text("position");
        static const std::set<std::string> positions{"seated", "prone", "side_lying", "supine", "standing", "plank"};
        if (!positions.contains(t.position))
            throw InputError(r.where(fr.line_of("position")), "position must be one of seated, prone, side_lying, supine, standing, plank");
        t.needs_floor = fr.boolean("needs_floor");
        t.setup = fr.texts("setup");
        t.roll_from = fr.text("roll_from");
        t.roll_to = fr.text("roll_to");
        t.lighter = fr.texts("lighter");
        t.heavier = fr.texts("heavier");
        t.avoid = fr.texts("avoid");
        t.avoid_regions = fr.ids("avoid_regions", false);
        require_known(r, fr, "avoid_regions", "region", t.avoid_regions);
        // Safety spine: the protocol holds a tender spot 30-90 s; content may narrow, never widen it.
        t.hold_min_s = fr.integer("hold_min_s", 30, 90);
        t.hold_max_s = fr.integer("hold_max_s", 30, 90);
        if (t.hold_min_s > t.hold_max_s)
            throw InputError(r.where(fr.line_of("hold_max_s")), "hold_max_s is below hold_min_s");
        t.cues = fr.texts("cue");
        t.population = fr.optional_text("population");
        t.sources = sources(r, fr);
        regions_line_[t.id] = r.where(fr.line_of("regions"));
        muscles_line_[t.id] = r.where(fr.line_of("muscles"));
        return t;
    }

    CompensationMapping mapping(const Record& r, FieldReader& fr) {
        CompensationMapping m;
        m.id = r.id();
        m.compensation = fr.text("compensation");
        require_known(r, fr, "compensation", "compensation", {m.compensation});
        m.edition = fr.text("edition");
        if (!is_id(m.edition)) throw InputError(r.where(fr.line_of("edition")), "edition must be an id such as c4 or c7");
        auto muscles = [&](std::string_view field) {
            auto v = fr.ids(field, false);
            require_known(r, fr, field, "muscle", v);
            return v;
        };
        m.overactive = muscles("overactive");
        m.underactive = muscles("underactive");
        m.overactive_same_side = muscles("overactive_same_side");
        m.overactive_other_side = muscles("overactive_other_side");
        m.underactive_same_side = muscles("underactive_same_side");
        m.underactive_other_side = muscles("underactive_other_side");
        m.note = fr.optional_text("note");
        m.sources = sources(r, fr);
        auto key = m.compensation + "@" + m.edition;
        if (!mapping_keys_.insert(key).second)
            throw InputError(r.where(r.line), "compensation `" + m.compensation + "` already has a mapping in edition " + m.edition);
        bool any = !(m.overactive.empty() && m.underactive.empty() && m.overactive_same_side.empty() && m.overactive_other_side.empty());
        if (!any) throw InputError(r.where(r.line), "mapping `" + m.id + "` names no muscles");
        return m;
    }

    MuscleName muscle_name(const Record& r, FieldReader& fr) {
        MuscleName n;
        n.id = r.id();
        n.dataset = fr.text("dataset");
        n.name = fr.text("name");
        n.entry = fr.optional_text("entry");
        n.muscles = fr.ids("muscles");
        require_known(r, fr, "muscles", "muscle", n.muscles);
        n.note = fr.optional_text("note");
        n.sources = sources(r, fr);
        // Two meanings for one word would make an import depend on file order.
        if (!muscle_name_keys_.insert(n.dataset + "\n" + n.name + "\n" + n.entry).second)
            throw InputError(r.where(r.line), n.dataset + " `" + n.name + "`" + (n.entry.empty() ? "" : " in " + n.entry) + " is mapped twice");
        return n;
    }

    Article article(const ContentFile& f) {
        Article a;
        auto slash = f.path.find_last_of('/');
        a.slug = f.path.substr(slash == std::string::npos ? 0 : slash + 1);
        a.slug = a.slug.substr(0, a.slug.size() - 3);
        std::size_t pos = 0;
        int line = 0;
        while (pos < f.text.size()) {
            auto nl = f.text.find('\n', pos);
            if (nl == std::string::npos) nl = f.text.size();
            std::string_view l(f.text.data() + pos, nl - pos);
            pos = nl + 1;
            ++line;
            if (trim(l).empty()) break;
            auto colon = l.find(':');
            auto where = f.path + ":" + std::to_string(line);
            if (colon == std::string_view::npos) throw InputError(where, "expected a `title:`, `summary:` or `source:` line before the blank line");
            auto key = trim(l.substr(0, colon));
            auto value = std::string(trim(l.substr(colon + 1)));
            if (key == "title") a.title = value;
            else if (key == "summary") a.summary = value;
            else if (key == "source") {
                for (auto& k : split_ids(value)) a.sources.push_back(k);
            } else throw InputError(where, "unknown article field `" + std::string(key) + ":`");
        }
        if (a.title.empty() || a.sources.empty())
            throw InputError(f.path + ":1", "an article needs `title:` and at least one `source:` line");
        a.body = pos < f.text.size() ? f.text.substr(pos) : std::string{};
        if (trim(a.body).empty()) throw InputError(f.path + ":" + std::to_string(line), "the article has no body");
        articles_at_[a.slug] = f.path;
        for (auto& r : catalog::diagram_refs(a.body, f.path, line + 1)) diagram_refs_.push_back(std::move(r));
        return a;
    }

    void check_whole() {
        if (c_.regions_.empty() || c_.muscles_.empty() || c_.tools_.empty() || c_.techniques_.empty() || c_.stretches_.empty())
            throw InputError("data", "content is incomplete: regions, muscles, tools, techniques and stretches must all be present");
        for (const auto& a : c_.articles_)
            for (const auto& k : a.sources)
                if (!ids_["source"].contains(k)) throw InputError(articles_at_[a.slug] + ":1", "unknown source `" + k + "`");
        catalog::check_diagrams(c_.diagrams_, diagram_paths_, diagram_refs_, c_.regions_);
        for (const auto& t : c_.techniques_) {
            for (const auto& g : t.regions) {
                const Region* reg = c_.region(g);
                if (!reg->rollable)
                    throw InputError(regions_line_[t.id], "technique `" + t.id + "` rolls region `" + g + "`, which is never rolled: " + reg->why_not);
            }
            // SMR is always followed by lengthening, so every rolled muscle needs a stretch.
            for (const auto& m : t.muscles) {
                bool covered = std::any_of(c_.stretches_.begin(), c_.stretches_.end(), [&](const Stretch& s) {
                    return std::find(s.muscles.begin(), s.muscles.end(), m) != s.muscles.end();
                });
                if (!covered) throw InputError(muscles_line_[t.id], "technique `" + t.id + "` rolls `" + m + "` but no stretch lengthens it");
            }
        }
        // Every compensation is mapped in the default edition, and every underactive muscle of
        // any mapping has an activation exercise, so a finding can always become a plan.
        for (const auto& comp : c_.compensations_)
            if (!mapping_keys_.contains(comp.id + "@c4"))
                throw InputError("assessments.rec", "compensation `" + comp.id + "` has no mapping in the default edition c4");
        for (const auto& m : c_.mappings_) {
            const Compensation* comp = c_.compensation(m.compensation);
            bool sided_lists = !(m.overactive_same_side.empty() && m.overactive_other_side.empty() && m.underactive_same_side.empty() &&
                                 m.underactive_other_side.empty());
            if (sided_lists && !comp->sided)
                throw InputError("assessments.rec", "mapping `" + m.id + "` uses same/other-side lists, but `" + comp->id + "` is not sided");
            for (const auto* list : {&m.underactive, &m.underactive_same_side, &m.underactive_other_side})
                for (const auto& muscle : *list) {
                    bool covered = std::any_of(c_.activations_.begin(), c_.activations_.end(), [&](const Activation& a) {
                        return std::find(a.muscles.begin(), a.muscles.end(), muscle) != a.muscles.end();
                    });
                    if (!covered && !c_.activations_.empty())
                        throw InputError("activations.rec", "no activation exercise for `" + muscle + "`, underactive in `" + m.id + "`");
                }
        }
        screening_.check(c_.conditions_, c_.gate_);
        check_pictures();
        for (const auto& id : required_cue_ids())
            if (!ids_["cue"].contains(id))
                throw InputError(cues_at_.empty() ? std::string("cues.rec") : cues_at_,
                                 "cue `" + id + "` is missing; the session engine speaks it");
    }

    // Every move's picture, checked against the move's own data.
    void check_pictures() {
        pictures_.finish();
        std::vector<poses::MoveFacts> moves;
        for (const auto& t : c_.techniques_) moves.push_back({t.id, "technique", t.regions, t.tools, t.roll_from, t.roll_to});
        for (const auto& s : c_.stretches_) moves.push_back({s.id, "stretch", s.regions, {}, {}, {}});
        for (const auto& a : c_.activations_) moves.push_back({a.id, "activation", a.regions, {}, {}, {}});
        for (const auto& g : c_.integrations_) moves.push_back({g.id, "integration", g.regions, {}, {}, {}});
        poses::check_orphans(pictures_.poses(), moves);
        // Content with a figure draws every move; content without one (a trainer's own small
        // catalogue, the tests' toy content) draws none.
        if (!pictures_.body().segments.empty())
            for (const auto& m : moves) poses::check_move(pictures_.body(), pictures_.poses(), m);
        c_.body_ = std::move(pictures_.body());
        c_.poses_ = std::move(pictures_.poses());
    }

    Catalog& c_;
    poses::Loader pictures_;
    catalog::KnownIds ids_;
    catalog::ScreeningLoader screening_{ids_};
    std::map<std::string, std::string> regions_line_, muscles_line_;
    std::string cues_at_;  // where the first cue record is, to point at the cue file
    std::set<std::string> mapping_keys_;
    std::set<std::string> muscle_name_keys_;
    std::map<std::string, std::string> articles_at_;
    std::vector<std::string> diagram_paths_;
    std::vector<catalog::DiagramRef> diagram_refs_;
};

Catalog Catalog::load(const std::vector<ContentFile>& files) {
    Catalog c;
    CatalogBuilder(c).build(files);
    return c;
}

}  // namespace unknot
