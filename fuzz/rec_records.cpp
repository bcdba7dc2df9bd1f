// The .rec content parser and its field reader: any bytes give records or an InputError that
// names file:line, never a crash; every record it returns has a kind and a line in the text.
#include <cstdint>

#include "catalog/record.hpp"
#include "common/error.hpp"
#include "fuzz/support.hpp"

using namespace unknot;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::text_of(data, size);
    std::vector<catalog::Record> records;
    try {
        records = catalog::parse_records(text, "fuzz.rec");
    } catch (const InputError& e) {
        if (std::string_view(e.what()).find("fuzz.rec") == std::string_view::npos) fuzz::broken("error without its file", e.what());
        return 0;
    }
    int lines = 1;
    for (char c : text) lines += c == '\n';
    for (const auto& r : records) {
        if (r.fields.empty()) fuzz::broken("a record without fields");
        if (r.line < 1 || r.line > lines) fuzz::broken("a record line outside the text");
        // The reader's type checks on whatever the fields hold.
        try {
            catalog::FieldReader f(r);
            (void)f.optional_text("name");
            (void)f.ids("muscles", false);
            (void)f.optional_integer("hold_min_s", 0, 600, 30);
            (void)f.optional_boolean("bilateral", false);
            (void)f.texts("step", false);
            f.finish();
        } catch (const InputError&) {
        }
    }
    return 0;
}
