#pragma once
// A fixed-window request allowance per client address, in memory: for the routes anyone may
// call that do real work (a guest's screening and plan), so one address cannot keep the
// planner busy for everyone. Not a record: each process keeps its own, a restart forgets.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace unknot::server {

class AddressBudget {
public:
    AddressBudget(int per_window, std::int64_t window_ms) : per_window_(per_window), window_ms_(window_ms) {}

    // Takes one request from the address's allowance; false when it is used up.
    bool take(const std::string& address, std::int64_t now_ms) {
        std::lock_guard lock(mu_);
        if (used_.size() > 100'000) used_.clear();  // bounded memory under a flood of addresses
        auto& u = used_[address];
        if (now_ms - u.window_start >= window_ms_) u = {now_ms, 0};
        if (u.count >= per_window_) return false;
        ++u.count;
        return true;
    }

    std::int64_t window_ms() const { return window_ms_; }

private:
    struct Used {
        std::int64_t window_start = 0;
        int count = 0;
    };
    int per_window_;
    std::int64_t window_ms_;
    std::mutex mu_;
    std::map<std::string, Used> used_;
};

}  // namespace unknot::server
