// What every printed output shares and needs no renderer: paper sizes and writing a file whole.
#include "report/report.hpp"

#include <fstream>

#include "common/error.hpp"

#if defined(__SANITIZE_ADDRESS__)
// Here, not beside the renderers: LeakSanitizer takes this hook from the executable, and the
// renderers may live in unknot-report.so (modules/module.hpp).
// fontconfig keeps its font cache behind offset-encoded pointers that LeakSanitizer cannot
// follow, so everything it holds at exit looks leaked. Nothing of ours hides behind this.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

namespace unknot::report {

std::string_view to_string(PageSize s) { return s == PageSize::a4 ? "a4" : "letter"; }

std::optional<PageSize> parse_page_size(std::string_view s) {
    if (s == "a4" || s == "A4") return PageSize::a4;
    if (s == "letter" || s == "Letter") return PageSize::letter;
    return std::nullopt;
}

Rendered write_atomically(const std::filesystem::path& path, const std::function<Rendered(std::ostream&)>& write) {
    auto part = path;
    part += ".part";
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path.string(), "cannot write the file (does the folder exist, and may you write there?)");
    try {
        auto r = write(out);
        out.close();
        if (!out) throw InputError(path.string(), "cannot write the file (is the disk full?)");
        std::error_code ec;
        std::filesystem::rename(part, path, ec);
        if (ec) throw InputError(path.string(), "cannot write the file: " + ec.message());
        return r;
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(part, ec);
        throw;
    }
}

}  // namespace unknot::report
