#pragma once
// A person's data leaving unknot: the versioned JSON export (docs/export-format.md) that
// `unknot import` reads back, and a CSV of hold records for spreadsheets.
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace unknot::exchange {

inline constexpr std::string_view export_format = "unknot-export";
inline constexpr int export_version = 1;

// Everything the store holds about one person, every list in its documented order. What is true
// only in the installation that wrote it (database ids, role, the trainer link, API tokens)
// sits under keys named `installation`: without those and `exported_unix_ms`, exports of the
// same data are byte-identical wherever they were made.
boost::json::value export_user(Store& store, UserId user, std::int64_t exported_unix_ms);

// One line per hold, oldest session first, in recorded order: RFC 4180 (a header row, CRLF line
// ends, fields quoted where they need it).
std::string export_holds_csv(Store& store, UserId user);

// A technique the person brought in from elsewhere, as the export, the API and
// `unknot techniques --mine --json` show it.
boost::json::value user_technique_json(const UserTechnique& t);
// All of a person's, by id in byte order on every backend.
boost::json::array user_techniques_json(Store& store, UserId user);

}  // namespace unknot::exchange
