// The one exported symbol of unknot-report.so: the table of the real renderers.
#include "report/contact_sheet.hpp"
#include "report/picture.hpp"
#include "report/render_module.hpp"
#include "modules/module.hpp"

using namespace unknot::report;

extern "C" __attribute__((visibility("default"))) const RenderTable* unknot_render_table() {
    static const RenderTable table{
        unknot::modules::kBuildStamp,
        layout_sizes(),
        static_cast<Rendered (*)(const HandoutInput&, PageSize, std::ostream&)>(&render_handout),
        static_cast<Rendered (*)(const HandoutInput&, PageSize, const std::filesystem::path&)>(&render_handout),
        static_cast<Rendered (*)(const ProgressReportInput&, PageSize, std::ostream&)>(&render_progress_report),
        static_cast<Rendered (*)(const ProgressReportInput&, PageSize, const std::filesystem::path&)>(&render_progress_report),
        &render_contact_sheet,
        &render_calendar,
        &picture_svg,
    };
    return &table;
}
