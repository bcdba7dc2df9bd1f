#include "report/contact_sheet.hpp"

#include <cairo.h>

#include <algorithm>

#include "poses/check.hpp"
#include "report/page.hpp"
#include "report/picture.hpp"

namespace unknot::report {

namespace {

struct Cell {
    std::string move, tool, title;
};

std::vector<Cell> cells_of(const Catalog& c) {
    std::vector<Cell> out;
    for (const auto& t : c.techniques())
        for (const auto& tool : t.tools) out.push_back({t.id, tool, t.name + " — " + c.tool(tool)->name});
    for (const auto& s : c.stretches()) out.push_back({s.id, "", "Stretch: " + s.name});
    for (const auto& a : c.activations()) out.push_back({a.id, "", "Activate: " + a.name});
    for (const auto& g : c.integrations()) out.push_back({g.id, "", "Integrate: " + g.name});
    return out;
}

}  // namespace

Rendered render_contact_sheet(const Catalog& catalog, PageSize size, const std::filesystem::path& path, const std::string& only) {
    return write_atomically(path, [&](std::ostream& out) {
        Document doc(size, out, {"unknot pictures", "Every move's picture", 0});
        cairo_t* cr = doc.cr();
        double width = doc.page().body_width();
        constexpr int columns = 3;
        double cell_w = (width - (columns - 1) * 8) / columns, pic_h = cell_w * 104 / 150;
        std::vector<Block> blocks;
        auto cells = cells_of(catalog);
        std::erase_if(cells, [&](const Cell& c) { return !only.empty() && c.move.find(only) == std::string::npos; });
        for (std::size_t i = 0; i < cells.size(); i += columns) {
            std::vector<Cell> row(cells.begin() + i, cells.begin() + std::min(cells.size(), i + columns));
            std::vector<Layout> labels;
            double label_h = 0;
            for (const auto& c : row) {
                labels.push_back(text_layout(cr, c.title + "\n" + c.move, {7.5}, cell_w));
                label_h = std::max(label_h, height_of(labels.back()));
            }
            blocks.push_back({pic_h + label_h + 4, 10, false, false, [=, &catalog](cairo_t* c, double x, double y) {
                                  for (std::size_t k = 0; k < row.size(); ++k) {
                                      double cx = x + static_cast<double>(k) * (cell_w + 8);
                                      set_colour(c, ink::panel);
                                      cairo_rectangle(c, cx, y, cell_w, pic_h);
                                      cairo_fill(c);
                                      if (!draw_picture(c, catalog, row[k].move, row[k].tool, Side::left, cx, y, cell_w, pic_h)) {
                                          auto missing = text_layout(c, "no picture yet", {9, true}, cell_w);
                                          align_centre(missing);
                                          draw(c, missing, cx, y + pic_h / 2 - 6, ink::warn);
                                      }
                                      draw(c, labels[k], cx, y + pic_h + 3, ink::text);
                                  }
                              }});
        }
        const Geometry g = doc.page();
        int pages = doc.flow(blocks, [&](cairo_t* c, int page, int total) {
            draw_footer(c, g, std::to_string(cells.size()) + " pictures, each showing the left side", page, total);
        });
        return Rendered{pages};
    });
}

}  // namespace unknot::report
