#include "cli/allocator.hpp"
#include "cli/app.hpp"

int main(int argc, char** argv) {
    unknot::cli::serve_on_tcmalloc(argc, argv);
    return unknot::cli::run(argc, argv);
}
