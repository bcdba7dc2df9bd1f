#include "cli/terminal.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>

namespace unknot::cli {

namespace {
termios saved{};
bool raw_on = false;
volatile std::sig_atomic_t stop_flag = 0;
extern "C" void on_signal(int) { stop_flag = 1; }
}  // namespace

bool is_terminal() { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

RawTerminal::RawTerminal() {
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved) != 0) return;
    termios raw = saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    raw_on = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
}

RawTerminal::~RawTerminal() {
    if (raw_on) tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    raw_on = false;
}

std::optional<char> RawTerminal::read_key(int timeout_ms) {
    pollfd p{STDIN_FILENO, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return std::nullopt;
    char c = 0;
    if (read(STDIN_FILENO, &c, 1) != 1) return std::nullopt;
    return c;
}

bool interrupted() { return stop_flag != 0; }

void install_interrupt_handlers() {
    struct sigaction sa{};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

}  // namespace unknot::cli
