#pragma once
// Connects the session engine to the store: every hold and visit is saved the moment the engine
// produces it, before anything else happens, so a crash or Ctrl-C loses nothing reported saved.
#include <functional>

#include "session/engine.hpp"
#include "store/store.hpp"

namespace unknot::cli {

class Recorder {
public:
    Recorder(Store& store, std::int64_t session) : store_(store), session_(session) {}

    // Saves, then calls on_saved for each hold (for "saved" lines that tests rely on).
    void record(const Output& out, const std::function<void(const HoldRecord&, int)>& on_saved = {}) {
        for (const auto& h : out.holds) {
            store_.save_hold(session_, h);
            ++holds_;
            if (on_saved) on_saved(h, holds_);
        }
        for (const auto& v : out.visits) {
            store_.save_visit(session_, v);
            ++visits_;
        }
    }
    int holds() const { return holds_; }
    int visits() const { return visits_; }
    std::int64_t session() const { return session_; }

private:
    Store& store_;
    std::int64_t session_;
    int holds_ = 0, visits_ = 0;
};

int run_live_session(const Plan& plan, const Catalog& catalog, Store& store, std::int64_t session);

}  // namespace unknot::cli
