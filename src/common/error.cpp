#include "common/error.hpp"

namespace unknot {

namespace {
std::string compose(const std::string& where, const std::string& message) {
    return where.empty() ? message : where + ": " + message;
}
}  // namespace

InputError::InputError(std::string where, std::string message)
    : std::runtime_error(compose(where, message)), where_(std::move(where)), message_(std::move(message)) {}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
    if (suggestions.empty()) return {};
    std::string out = " (did you mean: ";
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        if (i) out += ", ";
        out += suggestions[i];
    }
    return out + "?)";
}

}  // namespace unknot
