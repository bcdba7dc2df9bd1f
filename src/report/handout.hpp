#pragma once
// A routine handout a trainer gives a client: who and when, what the screening left out and why,
// a body map of the places rolled, and every item of the plan with its set-up, roll path, dose
// and cues, phase by phase (inhibit, lengthen, activate, integrate).
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "planning/plan.hpp"
#include "report/report.hpp"

namespace unknot::report {

struct HandoutInput {
    const Plan& plan;
    const Catalog& catalog;
    std::optional<std::string> client, trainer;
    int day = 0;                     // the date printed (days since 1970-01-01)
    const Answers* answers = nullptr;  // the screening answers, to say which answer left out a place
};

// A `refer` plan gives a one-page handout saying not to roll and to see a clinician.
// Throws std::runtime_error when the PDF cannot be produced.
Rendered render_handout(const HandoutInput& in, PageSize size, std::ostream& out);
// Throws InputError(path) when the file cannot be written.
Rendered render_handout(const HandoutInput& in, PageSize size, const std::filesystem::path& path);

}  // namespace unknot::report
