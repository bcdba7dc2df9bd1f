#pragma once
// The heavy, optional parts of unknot live in modules the executable loads on first use: PDF and
// calendar output (cairo, pango, librsvg, libical: about 60 shared libraries with their own
// dependencies) and the PostgreSQL store (libpqxx, libpq, Kerberos, LDAP, GnuTLS). Linked in,
// they cost every command ~45 ms of mapping and relocation before main; `unknot plan` or a
// server on SQLite never calls them. Tests and benchmarks link the real code directly.
#include <cstddef>
#include <stdexcept>
#include <string>

#include "build_stamp.hpp"

namespace unknot::modules {

// A module that is missing, from another build, or failed to load. The message says which file,
// where it was looked for, and the loader's reason.
class ModuleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Loads `file` (e.g. "unknot-report.so") once and returns its `symbol`. Looks in
// $UNKNOT_MODULE_DIR when set, else beside the running executable. Thread-safe; a module stays
// loaded until exit. `what` names the feature for the error ("PDF and calendar output").
void* symbol(const std::string& file, const char* symbol, const std::string& what);

// Checks a module's table against this executable: the same build stamp and the same layout of
// what crosses the boundary. Throws ModuleError otherwise.
void check_build(const std::string& file, const std::string& what, const char* stamp, bool same_layout);

// Loads `file`, calls its exported `entry` (a function returning the module's table) and checks
// the table was built with this executable. The table starts with `stamp` and `sizes`.
template <class Table>
const Table& table(const std::string& file, const char* entry, const std::string& what, std::size_t sizes) {
    auto get = reinterpret_cast<const Table* (*)()>(symbol(file, entry, what));
    const Table* t = get();
    check_build(file, what, t->stamp, t->sizes == sizes);
    return *t;
}

// The identity both sides of a module boundary compile in; a module whose stamp differs was
// built from other sources or options and is refused rather than called with the wrong layout.
inline constexpr const char* kBuildStamp = UNKNOT_BUILD_STAMP;

}  // namespace unknot::modules
