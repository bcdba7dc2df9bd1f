#pragma once
// Raw keyboard input for the live session. Ctrl-C still raises SIGINT so the session can end
// cleanly and keep what was saved.
#include <optional>

namespace unknot::cli {

class RawTerminal {
public:
    RawTerminal();   // no-op when stdin is not a terminal
    ~RawTerminal();  // restores the terminal
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

    // One key press within timeout_ms, if any.
    std::optional<char> read_key(int timeout_ms);
};

bool is_terminal();
// Set by SIGINT/SIGTERM while a live session runs.
bool interrupted();
void install_interrupt_handlers();

}  // namespace unknot::cli
