// The learn articles' diagrams: a diagram file must be a plain picture (nothing that runs or
// fetches), an article may only name diagrams that exist, and every mistake names file:line.
// The cases change the real content from data/, so they test what users get.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/diagrams.hpp"
#include "codec/codec.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "server/learn_diagrams.hpp"
#include "support/api_world.hpp"
#include "support/catalog_fixture.hpp"
#include "support/content_edits.hpp"

namespace unknot {
namespace {

const std::string good_svg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" viewBox=\"0 0 100 50\">\n"  // 1
    "  <style>.a { fill: url(#p); } @media (prefers-color-scheme: dark) { .a { fill: #fff; } }</style>\n"  // 2
    "  <defs><pattern id=\"p\" width=\"4\" height=\"4\"><rect width=\"2\" height=\"4\"/></pattern></defs>\n"  // 3
    "  <!-- a comment may say <script> -->\n"  // 4
    "  <rect class=\"a\" width=\"100\" height=\"50\"/>\n"  // 5
    "  <use href=\"#p\"/>\n"  // 6
    "  <text x=\"4\" y=\"20\">Hold on &amp; breathe</text>\n"  // 7
    "</svg>\n";

class DiagramContent : public test::RealContent {
protected:
    std::string dir() const { return test::data_dir() + "/learn/diagrams/"; }
    void add_diagram(const std::string& name, const std::string& svg) { files.push_back({dir() + name + ".svg", svg}); }
    // file:N of the first line of `text` holding `part`.
    static std::string line_of(const ContentFile& f, const std::string& part) {
        auto at = f.text.find(part);
        EXPECT_NE(at, std::string::npos) << part;
        return f.path + ":" + std::to_string(1 + std::count(f.text.begin(), f.text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }
    static bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
};

TEST_F(DiagramContent, TheRealArticlesNameDiagramsThatExist) {
    Catalog c = Catalog::load(files);
    ASSERT_NE(c.diagram("cumulative-injury-cycle"), nullptr);
    ASSERT_NE(c.diagram("autogenic-inhibition"), nullptr);
    EXPECT_TRUE(c.diagram("autogenic-inhibition")->svg.starts_with("<svg"));
    EXPECT_EQ(c.diagram("nope"), nullptr);
    EXPECT_TRUE(contains(c.article("how-to-roll")->body, "](diagram:where-not-to-roll)"));
}

TEST_F(DiagramContent, AValidDiagramLoads) {
    add_diagram("small", good_svg);
    EXPECT_EQ(Catalog::load(files).diagram("small")->svg, good_svg);
}

TEST_F(DiagramContent, AReferenceToAMissingDiagramNamesTheArticleLine) {
    auto& article = file("learn/davis-law.md");
    article.text += "\n![A picture that was never drawn](diagram:autogenic-inhibiton)\n";
    auto e = load_error();
    EXPECT_EQ(e.where(), line_of(article, "![A picture that was never drawn]")) << e.what();
    EXPECT_TRUE(contains(e.message(), "no diagram `autogenic-inhibiton`")) << e.what();
    EXPECT_TRUE(contains(e.message(), "did you mean: autogenic-inhibition")) << e.what();
}

TEST_F(DiagramContent, AnSvgWithAScriptNamesItsLine) {
    auto svg = good_svg;
    svg.insert(svg.find("  <rect class"), "  <script>alert(1)</script>\n");
    add_diagram("bad", svg);
    auto e = load_error();
    EXPECT_EQ(e.where(), dir() + "bad.svg:5") << e.what();
    EXPECT_TRUE(contains(e.message(), "<script>")) << e.what();
    // Any case: browsers do not care.
    files.back().text = good_svg;
    files.back().text.insert(files.back().text.find("  <rect class"), "<SCRIPT src=\"x.js\"/>");
    EXPECT_TRUE(contains(load_error().message(), "<script>"));
}

TEST_F(DiagramContent, WhatCouldRunOrFetchIsRejectedAtItsLine) {
    struct Case {
        std::string from, to, says;
    };
    const std::vector<Case> cases = {
        {"<rect class=\"a\"", "<rect onclick=\"alert(1)\" class=\"a\"", "event handlers"},
        {"<rect class=\"a\"", "<rect ONLOAD = 'x()' class=\"a\"", "event handlers"},
        {"<use href=\"#p\"/>", "<use href=\"https://example.org/x.svg#p\"/>", "only point inside"},
        {"<use href=\"#p\"/>", "<use xlink:href=\"data:image/png;base64,AAAA\"/>", "only point inside"},
        {"<rect class=\"a\"", "<rect fill=\"url(http://example.org/p)\" class=\"a\"", "only url(#id)"},
        {".a { fill: url(#p); }", ".a { fill: url( 'https://example.org/p' ); }", "stylesheet points outside"},
        {".a { fill: url(#p); }", "@import 'https://example.org/a.css';", "stylesheet points outside"},
        {".a { fill: url(#p); }", ".a { fill: \\75 rl(https://example.org/p); }", "stylesheet points outside"},
        {"<use href=\"#p\"/>", "<foreignObject><div/></foreignObject>", "<foreignObject> is not a drawing element"},
        {"<use href=\"#p\"/>", "<image href=\"#p\"/>", "<image> is not a drawing element"},
        {"<use href=\"#p\"/>", "<a href=\"#p\"><rect/></a>", "<a> is not a drawing element"},
    };
    for (const auto& c : cases) {
        auto svg = good_svg;
        svg.replace(svg.find(c.from), c.from.size(), c.to);
        auto line = std::to_string(1 + std::count(svg.begin(), svg.begin() + static_cast<std::ptrdiff_t>(svg.find(c.to)), '\n'));
        add_diagram("bad", svg);
        auto e = load_error();
        EXPECT_EQ(e.where(), dir() + "bad.svg:" + line) << c.to << " -> " << e.what();
        EXPECT_TRUE(contains(e.message(), c.says)) << c.to << " -> " << e.what();
        files.pop_back();
    }
}

TEST_F(DiagramContent, APictureABrowserCouldNotDrawIsRejected) {
    struct Case {
        std::string svg, where, says;
    };
    const std::vector<Case> cases = {
        {"<?xml version=\"1.0\"?>\n" + good_svg, "1", "starts with <svg"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><rect/></svg>", "1", "viewBox"},
        {"<svg viewBox=\"0 0 1 1\"><rect/></svg>", "1", "xmlns"},
        {good_svg.substr(0, good_svg.find("</svg>")), "8", "<svg> (line 1) is never closed"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">\n<g>\n<rect>\n</g>\n</svg>", "4", "</g> does not close <rect> (line 3)"},
        {good_svg + "<svg/>", "9", "something follows its </svg>"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">\n<text>1 < 2</text></svg>", "2", "write &lt;"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=0 0 1 1></svg>", "1", "in quotes"},
    };
    for (const auto& c : cases) {
        add_diagram("bad", c.svg);
        auto e = load_error();
        EXPECT_EQ(e.where(), dir() + "bad.svg:" + c.where) << c.svg << "\n-> " << e.what();
        EXPECT_TRUE(contains(e.message(), c.says)) << c.svg << "\n-> " << e.what();
        files.pop_back();
    }
}

TEST_F(DiagramContent, FileNamesArePlainAndDiagramsLiveInTheirFolder) {
    add_diagram("Bad_Name", good_svg);
    EXPECT_TRUE(contains(load_error().message(), "lower-case letters, digits and hyphens"));
    files.back().path = test::data_dir() + "/learn/stray.svg";
    EXPECT_TRUE(contains(load_error().message(), "belongs in learn/diagrams/"));
    files.back().path = dir() + std::string(no_roll_diagram) + ".svg";
    auto e = load_error();
    EXPECT_EQ(e.where(), files.back().path + ":1");
    EXPECT_TRUE(contains(e.message(), "drawn from the body map")) << e.what();
}

TEST_F(DiagramContent, AReferenceNeedsAltTextAndAPlainName) {
    auto& article = file("learn/davis-law.md");
    const auto body = article.text;
    for (const auto& [line, says] : std::vector<std::pair<std::string, std::string>>{
             {"![](diagram:autogenic-inhibition)", "alt text"},
             {"![A picture](diagram:Autogenic_Inhibition)", "lower-case letters, digits and hyphens"},
             {"![A picture](https://example.org/a.png)", "a diagram on its own line"},
             {"![A picture](diagram:autogenic-inhibition) and more words", "a diagram on its own line"},
         }) {
        article.text = body + "\n" + line + "\n";
        auto e = load_error();
        EXPECT_EQ(e.where(), line_of(article, line)) << line << " -> " << e.what();
        EXPECT_TRUE(contains(e.message(), says)) << line << " -> " << e.what();
    }
}

TEST_F(DiagramContent, TheDrawnBodyMapsAltTextNamesEveryRegionNeverRolled) {
    auto& article = file("learn/how-to-roll.md");
    auto at = article.text.find("the shin and the ankle");
    ASSERT_NE(at, std::string::npos);
    article.text.replace(at, std::string("the shin and the ankle").size(), "and the shin");
    auto e = load_error();
    EXPECT_EQ(e.where(), line_of(article, "](diagram:where-not-to-roll)")) << e.what();
    EXPECT_TRUE(contains(e.message(), "leaves out `Ankle`")) << e.what();
}

// --- served -------------------------------------------------------------------------------------

TEST(LearnDiagrams, TheDrawnBodyMapPassesTheFileChecksAndMarksEveryRegionNeverRolled) {
    const auto& c = test::catalog();
    auto svg = server::where_not_to_roll_svg(c);
    auto d = catalog::read_diagram({"drawn/diagrams/where-not-to-roll.svg", svg});
    EXPECT_EQ(d.name, "where-not-to-roll");
    int never = 0;
    for (const auto& r : c.regions()) {
        if (r.rollable) continue;
        ++never;
        // Names are wrapped over lines: each word is there.
        for (const auto& word : split_ids(r.name)) EXPECT_NE(svg.find(word), std::string::npos) << r.name;
    }
    EXPECT_GE(never, 5);
    EXPECT_NE(svg.find("prefers-color-scheme: dark"), std::string::npos);
}

TEST(LearnDiagrams, ServedAsSvgImagesThatCannotRun) {
    test::ApiWorld w;
    auto r = w.send("", "GET", "/api/v1/learn/diagrams/autogenic-inhibition.svg");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "image/svg+xml");
    EXPECT_TRUE(r.body.starts_with("<svg"));
    std::string csp, etag, cache;
    for (const auto& [k, v] : r.headers) {
        if (k == "Content-Security-Policy") csp = v;
        if (k == "ETag") etag = v;
        if (k == "Cache-Control") cache = v;
    }
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("sandbox"), std::string::npos) << csp;
    EXPECT_EQ(cache, "no-cache");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(w.send_with("", "GET", "/api/v1/learn/diagrams/autogenic-inhibition.svg", "", {{"if-none-match", etag}}).status, 304);
    auto drawn = w.send("", "GET", "/api/v1/learn/diagrams/where-not-to-roll.svg");
    EXPECT_EQ(drawn.status, 200);
    EXPECT_NE(drawn.body.find("Lower back"), std::string::npos);
    for (const auto* bad : {"nope.svg", "autogenic-inhibition", "autogenic-inhibition.png", "..%2F..%2Fmuscles.rec"})
        EXPECT_EQ(w.send("", "GET", std::string("/api/v1/learn/diagrams/") + bad).status, 404) << bad;
}

}  // namespace
}  // namespace unknot
