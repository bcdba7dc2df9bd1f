#include "support/catalog_fixture.hpp"

#include "codec/codec.hpp"

namespace unknot::test {

std::string data_dir() { return UNKNOT_DATA_DIR; }

const Catalog& catalog() {
    static const Catalog c = Catalog::load(json::read_content_dir(data_dir()));
    return c;
}

}  // namespace unknot::test
