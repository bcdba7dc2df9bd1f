#pragma once
// The printed page: a PDF document, text set with pango, and a flow that places blocks on
// pages (with a footer on each). Handouts and progress reports are both built from it.
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoLayout PangoLayout;

namespace unknot::report {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

// One palette for every page. Each colour differs from its neighbours in lightness too, so a
// greyscale print keeps them apart; meaning never rests on hue alone.
namespace ink {
inline constexpr Rgb text{0.11, 0.15, 0.17};
inline constexpr Rgb muted{0.36, 0.40, 0.42};
inline constexpr Rgb rule{0.72, 0.74, 0.75};
inline constexpr Rgb accent{0.09, 0.40, 0.44};
inline constexpr Rgb accent_pale{0.88, 0.94, 0.94};
inline constexpr Rgb warn{0.62, 0.18, 0.14};
inline constexpr Rgb warn_pale{0.98, 0.91, 0.89};
inline constexpr Rgb paper{1, 1, 1};
inline constexpr Rgb panel{0.96, 0.96, 0.95};
}  // namespace ink

void set_colour(cairo_t* cr, Rgb c);
std::string hex(Rgb c);  // "#1c262b", for SVG

struct Geometry {
    double width = 0, height = 0;
    double margin_x = 0, top = 0, bottom = 0;  // bottom: where the body ends (footer below it)
    double body_width() const { return width - 2 * margin_x; }
};
Geometry geometry(PageSize size);

struct Font {
    double size = 9.5;
    bool bold = false;
    bool italic = false;
    double line_spacing = 1.25;  // a factor of the font's own height
};

// A pango layout owned by a shared_ptr, so blocks can keep it until they draw.
using Layout = std::shared_ptr<PangoLayout>;
Layout text_layout(cairo_t* cr, std::string_view text, Font font, double width);
Layout markup_layout(cairo_t* cr, std::string_view markup, Font font, double width);
void set_hanging_indent(const Layout& l, double points);  // wrapped lines start this far in
void align_right(const Layout& l);
void align_centre(const Layout& l);
double height_of(const Layout& l);
double width_of(const Layout& l);  // of the widest line
void draw(cairo_t* cr, const Layout& l, double x, double y, Rgb colour);
std::string escape(std::string_view text);  // for pango markup

// A piece of the flow. It never splits across pages; `keep_with_next` carries it to the next
// page together with what follows (a heading with its first card).
struct Block {
    double height = 0;
    double space_after = 8;
    bool keep_with_next = false;
    bool page_break_before = false;
    std::function<void(cairo_t*, double x, double y)> draw;
};

// The band that opens every printout: the title and a subtitle on the left, who it is for, their
// trainer and the date on the right, an accent rule beneath.
Block title_band(cairo_t* cr, std::string_view title_markup, std::string_view subtitle, const std::optional<std::string>& client,
                 const std::optional<std::string>& trainer, int day, double width, double space_after);

struct Info {
    std::string title, subject;
    int day = 0;  // the document's date (also its PDF creation date, for reproducible files)
};

// A PDF written to a stream page by page. Throws std::runtime_error when cairo fails.
class Document {
public:
    Document(PageSize size, std::ostream& out, const Info& info);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    cairo_t* cr() const { return cr_; }
    const Geometry& page() const { return page_; }
    // Places the blocks, draws every page and its footer ("page i of n"), and ends the file.
    // Returns the number of pages.
    int flow(const std::vector<Block>& blocks, const std::function<void(cairo_t*, int page, int pages)>& footer);

private:
    Geometry page_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
};

// The footer every page carries: the safety line and the page number.
void draw_footer(cairo_t* cr, const Geometry& g, std::string_view left, int page, int pages);

}  // namespace unknot::report
