#pragma once
// Errors that point at the problem: every message names where (file:line or field path) and what.
#include <stdexcept>
#include <string>
#include <vector>

namespace unknot {

// Bad input from a person or a file they gave us (exit code 2, HTTP 4xx).
class InputError : public std::runtime_error {
public:
    InputError(std::string where, std::string message);
    const std::string& where() const noexcept { return where_; }
    const std::string& message() const noexcept { return message_; }

private:
    std::string where_;
    std::string message_;
};

// Runs f; an InputError from inside an embedded document or a file gets `prefix` in front of
// its place ("plan" + "." + "phases[0]", "profile.json" + ": " + "targets[2]"), unless the
// place already starts with it.
template <class F>
auto within(const std::string& prefix, const char* separator, F&& f) {
    try {
        return f();
    } catch (const InputError& e) {
        if (e.where().starts_with(prefix)) throw;
        throw InputError(e.where().empty() ? prefix : prefix + separator + e.where(), e.message());
    }
}

// Joins "did you mean" suggestions into a sentence tail: ` (did you mean: a, b?)`.
std::string did_you_mean(const std::vector<std::string>& suggestions);

}  // namespace unknot
