#pragma once

namespace unknot::cli {

// `unknot serve` runs on tcmalloc; every other command on glibc malloc. tcmalloc's thread caches
// make the server's many small JSON allocations markedly cheaper (bench/http.sh on 2 cores:
// plans +24%, durable events +37%, authenticated progress +40%), but having it linked costs
// every process ~13 ms of start-up, more than `unknot --version` takes in all. So a serving
// process re-executes itself once with tcmalloc preloaded. Returns (and the command carries on
// with glibc malloc) when this is not `serve`, when it already ran, when UNKNOT_TCMALLOC=0, or
// when the library is missing.
void serve_on_tcmalloc(int argc, char** argv);

}  // namespace unknot::cli
