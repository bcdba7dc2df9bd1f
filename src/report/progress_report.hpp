#pragma once
// A progress report: are the tender spots getting fewer and milder, and how regularly does the
// person roll? Charts of tenderness per muscle, tender spots per session, and a calendar of days.
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "progress/progress.hpp"
#include "report/handout.hpp"

namespace unknot::report {

struct ProgressReportInput {
    const std::vector<SessionSummary>& sessions;  // oldest first
    const Catalog& catalog;
    int today = 0;
    std::optional<std::string> client, trainer;
};

// With no sessions the report is one page that says how to record the first one.
Rendered render_progress_report(const ProgressReportInput& in, PageSize size, std::ostream& out);
Rendered render_progress_report(const ProgressReportInput& in, PageSize size, const std::filesystem::path& path);

}  // namespace unknot::report
