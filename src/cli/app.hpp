#pragma once
// The `unknot` command line: a thin shell that reads files, calls the core and prints.
#include <memory>
#include <optional>
#include <string>

#include "catalog/catalog.hpp"
#include "store/store.hpp"

namespace unknot::cli {

// Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or bad input, 130 stopped by Ctrl-C.
inline constexpr int exit_ok = 0, exit_failure = 1, exit_bad_input = 2, exit_interrupted = 130;

struct Globals {
    std::string db_path;    // empty: the default in the user's data directory
    std::string data_dir;   // empty: UNKNOT_DATA or the compiled-in default
    std::string database_url;  // postgresql://... instead of the SQLite file (or UNKNOT_DATABASE_URL)
    std::string user_email;    // whose data local commands use (default: the owner account)
};

// Loads lazily so `unknot --help` needs neither content nor a database.
class Context {
public:
    explicit Context(const Globals& g) : g_(g) {}
    const Catalog& catalog();
    Store& store();
    // Whose data history, progress and sessions use: --user, else the owner (the first
    // administrator), else data kept before any account existed. The CLI works on the database
    // directly, so whoever can run it against the file is trusted like the file's owner.
    UserId user();
    std::string db_path() const;
    std::string content_dir() const;  // --data, else UNKNOT_DATA, else the default
    std::string database_label() const;  // for messages: the file, or the URL without password

private:
    const Globals& g_;
    std::unique_ptr<Catalog> catalog_;
    std::unique_ptr<Store> store_;
    std::optional<UserId> user_;
};

// InputError when unreadable or over `limit` (profiles, plans, findings, event logs: all small).
inline constexpr std::size_t cli_file_limit = 8 * 1024 * 1024;
std::string read_file(const std::string& path, std::size_t limit = cli_file_limit);
std::string default_db_path();
std::string default_data_dir();

int run(int argc, char** argv);

}  // namespace unknot::cli
