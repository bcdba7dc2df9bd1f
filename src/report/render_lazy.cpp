// The renderers as the executable sees them: each call goes through unknot-report.so, loaded
// the first time anything is printed (modules/module.hpp says why). Tests link the real
// renderers instead of this file.
#include "modules/module.hpp"
#include "report/contact_sheet.hpp"
#include "report/picture.hpp"
#include "report/render_module.hpp"

namespace unknot::report {

namespace {

const RenderTable& table() {
    static const RenderTable& t = modules::table<RenderTable>(kRenderModule, kRenderEntry, "PDF and calendar output", layout_sizes());
    return t;
}

}  // namespace

void load_renderers() { (void)table(); }

Rendered render_handout(const HandoutInput& in, PageSize size, std::ostream& out) { return table().handout_to(in, size, out); }
Rendered render_handout(const HandoutInput& in, PageSize size, const std::filesystem::path& path) { return table().handout_file(in, size, path); }
Rendered render_progress_report(const ProgressReportInput& in, PageSize size, std::ostream& out) { return table().progress_to(in, size, out); }
Rendered render_progress_report(const ProgressReportInput& in, PageSize size, const std::filesystem::path& path) {
    return table().progress_file(in, size, path);
}
Rendered render_contact_sheet(const Catalog& catalog, PageSize size, const std::filesystem::path& path, const std::string& only) {
    return table().contact_sheet(catalog, size, path, only);
}
std::string render_calendar(const Plan& plan, const Catalog& catalog, const CalendarOptions& options) {
    return table().calendar(plan, catalog, options);
}
std::optional<std::string> picture_svg(const Catalog& catalog, const std::string& move, const std::string& tool, Side side) {
    return table().picture_svg(catalog, move, tool, side);
}

}  // namespace unknot::report
