#include "modules/module.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

namespace unknot::modules {

namespace {

std::filesystem::path module_dir() {
    if (const char* d = std::getenv("UNKNOT_MODULE_DIR"); d && *d) return d;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path(".") : exe.parent_path();
}

}  // namespace

void* symbol(const std::string& file, const char* name, const std::string& what) {
    static std::mutex mu;
    static std::map<std::string, void*> loaded;
    std::lock_guard lock(mu);
    auto [it, fresh] = loaded.try_emplace(file, nullptr);
    if (fresh || !it->second) {
        auto path = module_dir() / file;
        // RTLD_LOCAL: the module's copies of our own code stay its own and never interpose ours.
        it->second = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!it->second) {
            const char* why = dlerror();
            throw ModuleError(what + " needs " + path.string() + ", which could not be loaded: " + (why ? why : "unknown reason") +
                              " (set UNKNOT_MODULE_DIR to the folder that holds it)");
        }
    }
    dlerror();
    void* s = dlsym(it->second, name);
    if (!s) throw ModuleError(module_dir().string() + "/" + file + " has no " + name + "; it is not a module of this unknot");
    return s;
}

void check_build(const std::string& file, const std::string& what, const char* stamp, bool same_layout) {
    if (std::string(stamp) == kBuildStamp && same_layout) return;
    throw ModuleError(what + ": " + file + " is from another build of unknot (" + stamp + "; this is " + kBuildStamp + "); rebuild both");
}

}  // namespace unknot::modules
