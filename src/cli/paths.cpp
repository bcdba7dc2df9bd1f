#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "codec/codec.hpp"
#include "accounts/accounts.hpp"
#include "common/error.hpp"

namespace unknot::cli {

namespace fs = std::filesystem;

// Every file the CLI reads goes through here, with one limit: a profile, plan or event log is
// kilobytes; /dev/zero or a runaway log must not grow the process until it is killed. Read in
// pieces, so devices and pipes (whose size is unknown) are bounded too.
std::string read_file(const std::string& path, std::size_t limit) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw InputError(path, "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open the file (does it exist, and may you read it?)");
    std::string text;
    char piece[64 * 1024];
    while (in.read(piece, sizeof piece) || in.gcount() > 0) {
        text.append(piece, static_cast<std::size_t>(in.gcount()));
        if (text.size() > limit)
            throw InputError(path, "the file is larger than " + std::to_string(limit / (1024 * 1024)) + " MiB, the most unknot reads here");
    }
    if (in.bad()) throw InputError(path, "cannot read the file");
    return text;
}

// XDG base directories: $XDG_DATA_HOME/unknot/unknot.db, else ~/.local/share/unknot/unknot.db.
std::string default_db_path() {
    fs::path base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = fs::path(h) / ".local" / "share";
    else base = ".";
    return (base / "unknot" / "unknot.db").string();
}

std::string default_data_dir() {
    if (const char* d = std::getenv("UNKNOT_DATA"); d && *d) return d;
    return UNKNOT_DATA_DIR;
}

std::string Context::db_path() const { return g_.db_path.empty() ? default_db_path() : g_.db_path; }

namespace {
std::string database_url(const Globals& g) {
    if (!g.database_url.empty()) return g.database_url;
    if (const char* u = std::getenv("UNKNOT_DATABASE_URL"); u && *u) return u;
    return {};
}
}  // namespace

std::string Context::database_label() const {
    auto url = database_url(g_);
    if (url.empty()) return db_path();
    // postgresql://user:secret@host/db -> postgresql://user@host/db
    auto scheme = url.find("://"), at = url.rfind('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
        auto colon = url.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at) url.erase(colon, at - colon);
    }
    return url;
}

UserId Context::user() {
    if (user_) return *user_;
    auto& s = store();
    if (!g_.user_email.empty()) {
        auto u = s.user_by_email(normalise_email(g_.user_email));
        if (!u) throw InputError("--user", "no account with the email " + g_.user_email + " (see `unknot admin users`)");
        return *(user_ = u->id);
    }
    for (const auto& u : s.users())
        if (u.role == Role::admin) return *(user_ = u.id);
    return *(user_ = kLocalUser);
}

std::string Context::content_dir() const { return g_.data_dir.empty() ? default_data_dir() : g_.data_dir; }

const Catalog& Context::catalog() {
    if (!catalog_) {
        catalog_ = std::make_unique<Catalog>(Catalog::load(json::read_content_dir(content_dir())));
    }
    return *catalog_;
}

Store& Context::store() {
    if (!store_ && !database_url(g_).empty()) store_ = open_store(database_url(g_));
    if (!store_) {
        auto path = db_path();
        auto parent = fs::path(path).parent_path();
        std::error_code ec;
        if (g_.db_path.empty()) {
            // Our own default place: made on first use.
            if (!parent.empty()) fs::create_directories(parent, ec);
            if (ec) throw StoreError(parent.string() + ": cannot create the data folder (" + ec.message() + ")");
        } else if (!parent.empty() && !fs::is_directory(parent, ec)) {
            // A path someone typed: a missing folder is more likely a typo than a wish for a new one.
            throw InputError("--db", "the folder " + parent.string() + " does not exist; create it first, or give a path in an existing folder");
        }
        store_ = open_sqlite_store(path);
    }
    return *store_;
}

}  // namespace unknot::cli
