// The start-up baseline for bench/run.sh: a bare C++ process (libstdc++, iostream), built with
// the same compiler and flags in the same run, against which `unknot --version` and
// `unknot plan` are measured.
#include <iostream>

int main() { std::cout << "hello\n"; }
