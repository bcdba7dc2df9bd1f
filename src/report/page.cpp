#include "report/page.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "common/error.hpp"
#include "report/words.hpp"

#include "codec/dates.hpp"

namespace unknot::report {

void set_colour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

std::string hex(Rgb c) {
    auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buf;
}

Geometry geometry(PageSize size) {
    // Points (1/72 in). Margins leave room for a punched hole and a printer's unprintable edge.
    if (size == PageSize::a4) return {595.28, 841.89, 42, 38, 841.89 - 48};
    return {612, 792, 44, 38, 792 - 48};
}

namespace {

PangoFontDescription* font_description(Font f) {
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family(d, "DejaVu Sans");
    pango_font_description_set_size(d, static_cast<int>(std::lround(f.size * PANGO_SCALE)));
    pango_font_description_set_weight(d, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return d;
}

Layout new_layout(cairo_t* cr, Font font, double width) {
    Layout l(pango_cairo_create_layout(cr), [](PangoLayout* p) { g_object_unref(p); });
    // Pango assumes a 96 dpi screen; on paper a point is a point.
    pango_cairo_context_set_resolution(pango_layout_get_context(l.get()), 72);
    pango_layout_context_changed(l.get());
    PangoFontDescription* d = font_description(font);
    pango_layout_set_font_description(l.get(), d);
    pango_font_description_free(d);
    pango_layout_set_width(l.get(), pango_units_from_double(width));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_line_spacing(l.get(), static_cast<float>(font.line_spacing));
    return l;
}

cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::ostream*>(closure);
    out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return out->good() ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void check(cairo_t* cr) {
    if (auto st = cairo_status(cr); st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(st));
}

}  // namespace

Layout text_layout(cairo_t* cr, std::string_view text, Font font, double width) {
    auto l = new_layout(cr, font, width);
    pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));
    return l;
}

Layout markup_layout(cairo_t* cr, std::string_view markup, Font font, double width) {
    auto l = new_layout(cr, font, width);
    pango_layout_set_markup(l.get(), markup.data(), static_cast<int>(markup.size()));
    return l;
}

void set_hanging_indent(const Layout& l, double points) { pango_layout_set_indent(l.get(), -pango_units_from_double(points)); }
void align_right(const Layout& l) { pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT); }
void align_centre(const Layout& l) { pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER); }

double height_of(const Layout& l) {
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return pango_units_to_double(h);
}

double width_of(const Layout& l) {
    PangoRectangle ink_rect, logical;
    pango_layout_get_extents(l.get(), &ink_rect, &logical);
    return pango_units_to_double(logical.width);
}

void draw(cairo_t* cr, const Layout& l, double x, double y, Rgb colour) {
    set_colour(cr, colour);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l.get());
}

std::string escape(std::string_view text) {
    gchar* e = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
    std::string out(e);
    g_free(e);
    return out;
}

Document::Document(PageSize size, std::ostream& out, const Info& info) : page_(geometry(size)) {
    surface_ = cairo_pdf_surface_create_for_stream(write_to_stream, &out, page_.width, page_.height);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "unknot");
    auto date = iso_day(info.day) + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cr_ = cairo_create(surface_);
    check(cr_);
}

Document::~Document() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
}

int Document::flow(const std::vector<Block>& blocks, const std::function<void(cairo_t*, int, int)>& footer) {
    // First place everything, so each footer can say how many pages there are.
    struct Placed {
        std::size_t block;
        double y;
    };
    std::vector<std::vector<Placed>> pages(1);
    double y = page_.top;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        // A run of keep-with-next blocks moves as one, unless it could never fit on any page.
        double run = blocks[i].height;
        for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keep_with_next; ++j)
            run += blocks[j].space_after + blocks[j + 1].height;
        double room = page_.bottom - page_.top;
        double need = run <= room ? run : blocks[i].height;
        bool fresh = pages.back().empty();
        if (!fresh && (blocks[i].page_break_before || y + need > page_.bottom)) {
            pages.emplace_back();
            y = page_.top;
        }
        pages.back().push_back({i, y});
        y += blocks[i].height + blocks[i].space_after;
    }
    int count = static_cast<int>(pages.size());
    for (int p = 0; p < count; ++p) {
        for (const auto& placed : pages[static_cast<std::size_t>(p)]) {
            cairo_save(cr_);
            blocks[placed.block].draw(cr_, page_.margin_x, placed.y);
            cairo_restore(cr_);
        }
        cairo_save(cr_);
        footer(cr_, p + 1, count);
        cairo_restore(cr_);
        cairo_show_page(cr_);
        check(cr_);
    }
    cairo_surface_finish(surface_);
    if (auto st = cairo_surface_status(surface_); st != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(st));
    return count;
}

void draw_footer(cairo_t* cr, const Geometry& g, std::string_view left, int page, int pages) {
    double y = g.bottom + 14;
    set_colour(cr, ink::rule);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, g.margin_x, y - 6);
    cairo_line_to(cr, g.width - g.margin_x, y - 6);
    cairo_stroke(cr);
    double number_w = 70;
    auto text = text_layout(cr, left, {7.5, false, false, 1.15}, g.body_width() - number_w);
    draw(cr, text, g.margin_x, y, ink::muted);
    auto number = text_layout(cr, "Page " + std::to_string(page) + " of " + std::to_string(pages), {7.5, true}, number_w);
    align_right(number);
    draw(cr, number, g.width - g.margin_x - number_w, y, ink::muted);
}

Block title_band(cairo_t* cr, std::string_view title_markup, std::string_view subtitle, const std::optional<std::string>& client,
                 const std::optional<std::string>& trainer, int day, double width, double space_after) {
    auto title = markup_layout(cr, title_markup, {19, false, false, 1.0}, width - 160);
    auto sub = text_layout(cr, subtitle, {10.5}, width - 160);
    std::string who;
    if (client) who += "<b>For</b>  " + escape(*client) + "\n";
    if (trainer) who += "<b>Trainer</b>  " + escape(*trainer) + "\n";
    who += escape(long_date(day));
    auto people = markup_layout(cr, who, {9.2, false, false, 1.3}, 155);
    align_right(people);
    double h = std::max(height_of(title) + 4 + height_of(sub), height_of(people)) + 10;
    Block b;
    b.height = h;
    b.space_after = space_after;
    b.draw = [=](cairo_t* c, double x, double y) {
        draw(c, title, x, y, ink::text);
        draw(c, sub, x, y + height_of(title) + 4, ink::accent);
        draw(c, people, x + width - 155, y + 2, ink::text);
        set_colour(c, ink::accent);
        cairo_set_line_width(c, 2);
        cairo_move_to(c, x, y + h - 1);
        cairo_line_to(c, x + width, y + h - 1);
        cairo_stroke(c);
    };
    return b;
}

}  // namespace unknot::report
