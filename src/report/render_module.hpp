#pragma once
// The boundary between the executable and unknot-report.so (modules/module.hpp): one table of
// the rendering entry points. Both sides compile this header; the stamp and the sizes catch a
// module built from other sources before any of its functions is called.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "report/calendar.hpp"
#include "report/handout.hpp"
#include "report/progress_report.hpp"

namespace unknot::report {

struct RenderTable {
    const char* stamp;
    std::size_t sizes;  // layout_sizes() of the module's build
    Rendered (*handout_to)(const HandoutInput&, PageSize, std::ostream&);
    Rendered (*handout_file)(const HandoutInput&, PageSize, const std::filesystem::path&);
    Rendered (*progress_to)(const ProgressReportInput&, PageSize, std::ostream&);
    Rendered (*progress_file)(const ProgressReportInput&, PageSize, const std::filesystem::path&);
    Rendered (*contact_sheet)(const Catalog&, PageSize, const std::filesystem::path&, const std::string&);
    std::string (*calendar)(const Plan&, const Catalog&, const CalendarOptions&);
    std::optional<std::string> (*picture_svg)(const Catalog&, const std::string&, const std::string&, Side);
};

// The sizes of what crosses the boundary, folded into one number.
constexpr std::size_t layout_sizes() {
    return sizeof(RenderTable) ^ (sizeof(HandoutInput) << 8) ^ (sizeof(ProgressReportInput) << 16) ^ (sizeof(Catalog) << 24) ^
           (sizeof(Plan) << 32) ^ (sizeof(CalendarOptions) << 40) ^ (sizeof(SessionSummary) << 48);
}

// Loads unknot-report.so now (the executable only): `serve` calls it at start so a missing or
// mismatched module is reported then, not at somebody's first printout.
void load_renderers();

inline constexpr const char* kRenderModule = "unknot-report.so";
inline constexpr const char* kRenderEntry = "unknot_render_table";

}  // namespace unknot::report
