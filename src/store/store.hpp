#pragma once
// Where sessions and hold records live. One interface, shaped for SQLite now and PostgreSQL
// later: callers see records and summaries, never SQL or connections.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "progress/progress.hpp"
#include "session/events.hpp"

namespace unknot {

// A database problem a person can act on (locked, corrupt, unwritable): exit 2 / HTTP 503.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct NewSession {
    std::int64_t started_unix_ms = 0;
    int day = 0;            // local calendar day, days since 1970-01-01
    std::string plan_json;  // the plan as run, so history can show it later
    std::string client_id;  // optional id chosen by an offline client; unique
};

// One event of a session's log, under the id the client gave it: resending it is harmless.
struct StoredEvent {
    std::string client_id;
    Event event;
};

struct SessionInfo {
    std::int64_t id = 0;
    std::int64_t started_unix_ms = 0, ended_unix_ms = 0;
    int day = 0;
    std::string status;     // open, done, stopped
    int holds = 0, visits = 0;
    std::string plan_json;  // filled by session(), not by list_sessions()
    std::string client_id;
};

// A movement assessment as recorded, for reassessment over time.
struct StoredAssessment {
    std::int64_t id = 0;
    std::int64_t created_unix_ms = 0;
    int day = 0;
    std::string assessment_json;  // {"findings": [...], "edition": "c4"}
};

class Store {
public:
    virtual ~Store() = default;
    virtual std::int64_t begin_session(const NewSession& s) = 0;
    // Durable on return: a crash after this call never loses the record.
    virtual void save_hold(std::int64_t session, const HoldRecord& h) = 0;
    virtual void save_visit(std::int64_t session, const VisitRecord& v) = 0;
    virtual void end_session(std::int64_t session, std::int64_t ended_unix_ms, const std::string& status) = 0;
    virtual std::vector<SessionInfo> list_sessions() = 0;          // newest first
    virtual std::vector<SessionSummary> session_summaries() = 0;   // oldest first, with records
    virtual std::vector<HoldRecord> holds(std::int64_t session) = 0;
    virtual std::string integrity_check() = 0;                     // "ok" when healthy

    // Sessions driven over the API keep their event log, so any server process can rebuild
    // the engine and a resent event is recognised by its client id.
    virtual std::optional<SessionInfo> session(std::int64_t id) = 0;
    virtual std::optional<std::int64_t> session_by_client_id(const std::string& client_id) = 0;
    virtual std::vector<StoredEvent> events(std::int64_t session) = 0;
    // seq is the event's position in the log (1, 2, 3 ...); a taken seq fails, so two writers
    // can never interleave one session's log.
    virtual void add_event(std::int64_t session, std::int64_t seq, const StoredEvent& e) = 0;
    virtual bool has_event(std::int64_t session, const std::string& client_id) = 0;
    virtual std::int64_t event_count(std::int64_t session) = 0;
    virtual std::vector<VisitRecord> visits(std::int64_t session) = 0;
    virtual std::int64_t save_assessment(const StoredAssessment& a) = 0;
    virtual std::vector<StoredAssessment> assessments() = 0;  // oldest first

    // Runs fn in one write transaction: all of it is durable at return, or none of it.
    virtual void transaction(const std::function<void()>& fn) = 0;
};

std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace unknot
