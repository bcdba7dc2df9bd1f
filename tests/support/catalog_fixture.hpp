#pragma once
// The real content from data/, loaded once per test binary: tests check the rules against
// what users actually get, not a toy catalog.
#include "catalog/catalog.hpp"

namespace unknot::test {

const Catalog& catalog();
std::string data_dir();

}  // namespace unknot::test
