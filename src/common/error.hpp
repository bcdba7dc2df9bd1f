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

// Joins "did you mean" suggestions into a sentence tail: ` (did you mean: a, b?)`.
std::string did_you_mean(const std::vector<std::string>& suggestions);

}  // namespace unknot
