#pragma once
// Content changed the way an author might get it wrong, then loaded: how the content tests check
// that each mistake is rejected at the right file:line. RealContent starts from data/.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "codec/codec.hpp"
#include "common/error.hpp"
#include "support/catalog_fixture.hpp"

namespace unknot::test {

// The error loading `files` gives; a test failure (and an empty error) when they load.
inline InputError load_error(const std::vector<ContentFile>& files) {
    try {
        Catalog::load(files);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "expected the content to be rejected";
    return InputError("", "");
}

class RealContent : public ::testing::Test {
protected:
    std::vector<ContentFile> files = json::read_content_dir(data_dir());

    ContentFile& file(const std::string& tail) {
        auto it = std::find_if(files.begin(), files.end(), [&](const ContentFile& f) { return f.path.ends_with(tail); });
        if (it == files.end()) {
            ADD_FAILURE() << "no content file " << tail;
            return files.front();
        }
        return *it;
    }
    // Replaces the first `from` in the file ending with `tail`.
    void replace(const std::string& tail, const std::string& from, const std::string& to) {
        auto& t = file(tail).text;
        auto at = t.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        t.replace(at, from.size(), to);
    }
    // file:N of the first line holding `part`.
    std::string where(const std::string& tail, const std::string& part) {
        const auto& f = file(tail);
        auto at = f.text.find(part);
        EXPECT_NE(at, std::string::npos) << part;
        return f.path + ":" + std::to_string(1 + std::count(f.text.begin(), f.text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }
    InputError load_error() { return test::load_error(files); }
};

}  // namespace unknot::test
