#pragma once
// How both backends read a stored enum back: one reading for both, and a value this version does
// not know (a row from a newer version, or a damaged one) is an error, never quietly another kind.
#include <string>
#include <string_view>

#include "common/side.hpp"
#include "planning/plan.hpp"
#include "session/events.hpp"
#include "store/store.hpp"

namespace unknot::stored {

template <class E, class Parse>
E known(std::string_view column, std::string_view value, Parse parse) {
    if (auto v = parse(value)) return *v;
    throw StoreError("the database holds `" + std::string(value) + "` in " + std::string(column) + ", which this version of unknot does not know");
}

inline ItemKind item_kind(std::string_view v) { return known<ItemKind>("visits.kind", v, parse_item_kind); }
inline VisitOutcome outcome(std::string_view v) { return known<VisitOutcome>("visits.outcome", v, parse_visit_outcome); }
inline HoldOutcome hold_outcome(std::string_view v) { return known<HoldOutcome>("holds.outcome", v, parse_hold_outcome); }
inline EventType event_type(std::string_view v) { return known<EventType>("session_events.type", v, parse_event_type); }
inline Role role(std::string_view v) { return known<Role>("users.role", v, parse_role); }
inline TokenKind token_kind(std::string_view v) { return known<TokenKind>("tokens.kind", v, parse_token_kind); }
inline SessionStatus session_status(std::string_view v) { return known<SessionStatus>("sessions.status", v, parse_session_status); }
// NULL (read as empty) is a move with no sides; anything else must be a side.
inline std::optional<Side> side(std::string_view v) {
    if (v.empty()) return std::nullopt;
    return known<Side>("side", v, parse_side);
}

}  // namespace unknot::stored
