#include "cli/allocator.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace unknot::cli {

void serve_on_tcmalloc([[maybe_unused]] int argc, [[maybe_unused]] char** argv) {
#ifdef UNKNOT_TCMALLOC_PATH
    constexpr const char* kDone = "UNKNOT_TCMALLOC";
    if (const char* v = std::getenv(kDone); v && *v) return;  // "0": asked not to; "1": this is the re-executed process
    bool serving = false;
    for (int i = 1; i < argc; ++i) serving = serving || std::string_view(argv[i]) == "serve";
    if (!serving || access(UNKNOT_TCMALLOC_PATH, R_OK) != 0) return;
    const char* old = std::getenv("LD_PRELOAD");
    std::string before = old ? old : "";
    std::string preload = UNKNOT_TCMALLOC_PATH;
    if (!before.empty()) preload += ":" + before;
    setenv("LD_PRELOAD", preload.c_str(), 1);
    setenv(kDone, "1", 1);
    execv("/proc/self/exe", argv);
    // exec failed (no /proc?): serve on glibc malloc, correct and only slower, with the
    // environment as it was, so nothing this process starts inherits our preload.
    if (old) setenv("LD_PRELOAD", before.c_str(), 1);
    else unsetenv("LD_PRELOAD");
    unsetenv(kDone);
#endif
}

}  // namespace unknot::cli
