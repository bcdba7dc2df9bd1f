#pragma once
// How the PostgreSQL store turns result rows into records: one reader per record, in the column
// order of its query in postgres_queries.hpp. Stored enums go through stored.hpp, as on SQLite.
#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "store/store.hpp"
#include "store/stored.hpp"

namespace unknot::pg::read {

inline std::int64_t i64(const pqxx::field& f) { return f.as<std::int64_t>(); }
inline int i32(const pqxx::field& f) { return f.as<int>(); }
inline std::string text(const pqxx::field& f) { return f.is_null() ? std::string{} : f.as<std::string>(); }

// Columns 1.. of sql::holds / summary_holds (column 0 is the session).
inline HoldRecord hold_row(const pqxx::row& r) {
    HoldRecord h;
    h.item = i32(r[1]);
    h.technique = text(r[2]);
    h.side = stored::side(text(r[3]));
    h.muscles = split_ids(text(r[4]));
    h.spot = i32(r[5]);
    h.found_ms = i64(r[6]), h.ended_ms = i64(r[7]);
    h.hold_s = i32(r[8]);
    h.tenderness_start = i32(r[9]);
    if (!r[10].is_null()) h.tenderness_end = i32(r[10]);
    h.outcome = stored::hold_outcome(text(r[11]));
    return h;
}

inline VisitRecord visit_row(const pqxx::row& r) {
    VisitRecord v;
    v.item = i32(r[1]);
    v.kind = stored::item_kind(text(r[2]));
    v.id = text(r[3]);
    v.side = stored::side(text(r[4]));
    v.muscles = split_ids(text(r[5]));
    v.outcome = stored::outcome(text(r[6]));
    v.spots = i32(r[7]);
    v.started_ms = i64(r[8]), v.ended_ms = i64(r[9]);
    return v;
}

inline SessionInfo session_row(const pqxx::row& r) {
    return SessionInfo{i64(r[0]), i64(r[1]), i64(r[2]), i32(r[3]), stored::session_status(text(r[4])), i32(r[5]), i32(r[6]), text(r[7]), text(r[8]), i64(r[9])};
}
inline StoredAssessment assessment_row(const pqxx::row& r) {
    return StoredAssessment{i64(r[0]), i64(r[1]), i32(r[2]), text(r[3]), i64(r[4]), i64(r[5])};
}
inline Assignment assignment_row(const pqxx::row& r) { return {i64(r[0]), i64(r[1]), i64(r[2]), i64(r[3]), text(r[4]), text(r[5])}; }
inline StoredScreening screening_row(const pqxx::row& r) {
    return StoredScreening{i64(r[0]), i64(r[1]), i64(r[2]), i64(r[3]), i32(r[4]), text(r[5]), text(r[6])};
}
inline StoredClearance clearance_row(const pqxx::row& r) {
    return StoredClearance{i64(r[0]), i64(r[1]), i64(r[2]), i64(r[3]), text(r[4]), i32(r[5]), text(r[6])};
}
inline User user_row(const pqxx::row& r) {
    return User{i64(r[0]), text(r[1]), text(r[2]), stored::role(text(r[3])), text(r[4]), i64(r[5])};
}
inline Token token_row(const pqxx::row& r) {
    return Token{text(r[0]), stored::token_kind(text(r[1])), i64(r[2]), i64(r[3]), i64(r[4]), i64(r[5]), r[6].as<bool>(), text(r[7]), text(r[8])};
}
inline Link link_row(const pqxx::row& r) { return Link{i64(r[0]), i64(r[1]), i64(r[2]), i64(r[3])}; }

template <class T, class F>
std::vector<T> rows(const pqxx::result& res, F row_fn) {
    std::vector<T> out;
    out.reserve(res.size());
    for (const auto& r : res) out.push_back(row_fn(r));
    return out;
}

}  // namespace unknot::pg::read
