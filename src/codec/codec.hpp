#pragma once
// The JSON contract of unknot (docs/cli.md): one mapping between domain values and JSON, shared by
// the CLI, the server and the exports so they can never disagree.
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "assessment/assessment.hpp"
#include "catalog/catalog.hpp"
#include "poses/picture.hpp"
#include "planning/plan.hpp"
#include "progress/progress.hpp"
#include "screening/screening.hpp"
#include "session/events.hpp"

namespace unknot::json {

namespace bj = boost::json;

// --- in (validated; InputError names the field path) ---
Answers answers_from_json(const bj::value& v, const std::string& path);       // {"answers": {...}}
Profile profile_from_json(const bj::value& v, const Catalog& catalog);        // the profile file
Plan plan_from_json(const bj::value& v, const Catalog& catalog);              // `unknot plan --json` output
Event event_from_json(const bj::value& v, const std::string& path);           // one replay line
Assessment assessment_from_json(const bj::value& v, const std::string& path);  // {"findings": [...], "edition"}

// --- out ---
// Plans and screenings are written as text in one place (fast: the hottest response) and
// parsed when a tree is wanted.
std::string to_json_text(const Plan& p);
std::string to_json_text(const ScreeningResult& r);
bj::value to_json(const ScreeningResult& r, bj::storage_ptr sp = {});
bj::value to_json(const Plan& p, bj::storage_ptr sp = {});
bj::value to_json(const PlanItem& i, bj::storage_ptr sp = {});
bj::value technique_summary(const Technique& t);  // the `techniques --json` element
bj::value to_json(const Technique& t, const Catalog& c);
bj::value to_json(const Stretch& s);
bj::value to_json(const poses::Picture& p);  // picture_json.cpp
bj::value to_json(const Article& a);
bj::value article_summary(const Article& a);
bj::value to_json(const Muscle& m);
bj::value to_json(const Region& r);
bj::value to_json(const Tool& t);
bj::value to_json(const Condition& c);
// The screening gate (short questions, each covering conditions) and how long a clearance lasts.
bj::value gate_json(const Catalog& c);
bj::value to_json(const CueText& c);
bj::value to_json(const Goal& g);
bj::value to_json(const Source& s);
bj::value to_json(const HoldRecord& h);
bj::value to_json(const VisitRecord& v);
bj::value to_json(const Cue& c);
bj::value to_json(const Progress& p);
bj::value to_json(const SessionSummary& s);
bj::value to_json(const Assessment& a);
bj::value to_json(const AssessmentResult& r, const Catalog& c);
bj::value to_json(const Changes& c);
bj::value to_json(const Compensation& c);
bj::value to_json(const Activation& a);
bj::value to_json(const Integration& g);

// Content files from a directory (data/); unreadable files are InputError with the path.
std::vector<ContentFile> read_content_dir(const std::string& dir);

}  // namespace unknot::json
