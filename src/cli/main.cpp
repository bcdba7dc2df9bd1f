#include "cli/app.hpp"

int main(int argc, char** argv) { return unknot::cli::run(argc, argv); }
