#pragma once
// The learn articles' diagrams: SVG files in learn/diagrams/, shown by the web app as images,
// and the `![alt](diagram:name)` lines of an article that place them. Every error names file:line.
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"

namespace unknot::catalog {

// A diagram file, checked to be a plain picture: it starts with <svg (with the SVG namespace and a
// viewBox), its tags are balanced, and it holds only drawing elements, no event handlers, no
// links or url()s outside the file itself. Throws InputError("file:line").
Diagram read_diagram(const ContentFile& f);

struct DiagramRef {
    std::string name, alt, where;  // where: the article's file:line
};

// The `![alt](diagram:name)` lines of an article body whose first line is line `first_line` of
// `path`. Any other line starting with `![` is an error: diagrams are the only pictures.
std::vector<DiagramRef> diagram_refs(std::string_view body, const std::string& path, int first_line);

// Every reference names a diagram that exists (a file, or one in drawn_diagram_names()), no
// file takes a drawn diagram's name, and a drawn diagram's alt text names every region it marks.
void check_diagrams(const std::vector<Diagram>& diagrams, const std::vector<std::string>& diagram_paths,
                    const std::vector<DiagramRef>& refs, const std::vector<Region>& regions);

}  // namespace unknot::catalog
