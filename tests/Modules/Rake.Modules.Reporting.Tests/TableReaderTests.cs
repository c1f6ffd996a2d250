using System.Text;
using Rake.Modules.Reporting.Features.Import;

namespace Rake.Modules.Reporting.Tests;

/// <summary>The form exports as CsvHelper reads them: the quirks of Webropol, Questback and Finnish Excel.</summary>
public sealed class TableReaderTests
{
    private static string[][] Texts(string csv) => TableReader.ReadCsv(csv).Select(r => r.Select(c => c.Text).ToArray()).ToArray();

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    [InlineData('\t')]
    public void The_separator_is_found_from_the_file(char separator)
    {
        string[] lines = ["Otsikko|Kuvaus|Kunta", "A|B, C; D|kajaani", "E|F|kuhmo"];
        var csv = string.Join("\r\n", lines.Select(l => l.Replace('|', separator))) + "\r\n";
        var rows = Texts(csv);
        Assert.Equal(3, rows.Length);
        Assert.Equal(["Otsikko", "Kuvaus", "Kunta"], rows[0]);
        Assert.Equal("kuhmo", rows[2][2]);
    }

    [Fact]
    public void Quoted_fields_keep_separators_line_breaks_and_doubled_quotes()
    {
        var rows = Texts("Otsikko,Luokka,Kuvaus\n\"Jonot, \"\"pitkät\"\"\",\"housing;needs\",\"Rivi 1\r\nRivi 2\"\n");
        Assert.Equal(["Jonot, \"pitkät\"", "housing;needs", "Rivi 1\r\nRivi 2"], rows[1]);
    }

    [Fact]
    public void Empty_lines_are_skipped_and_empty_fields_kept()
    {
        var rows = Texts("a;b;c\r\n\r\n1;;\r\n\n2;x;y");
        Assert.Equal(3, rows.Length);
        Assert.Equal(["1", "", ""], rows[1]);
        Assert.Equal(["2", "x", "y"], rows[2]);
    }

    [Fact]
    public void A_stray_quote_is_text_as_the_form_exports_have_it()
    {
        var rows = Texts("Otsikko;Kuvaus\n12\" näyttö;Sanoi \"ei\" heti\n");
        Assert.Equal(["12\" näyttö", "Sanoi \"ei\" heti"], rows[1]);
    }

    [Fact]
    public void An_unclosed_quote_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => TableReader.ReadCsv("a;b\n1;\"open\nquote"));
        Assert.Equal("A quoted field is not closed.", error.Message);
    }

    [Fact]
    public void Windows_1252_and_utf8_are_told_apart()
    {
        var text = "Kunta;Ilmiö\nPyhtää;Yksinäisyys\n";
        var latin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        Assert.Equal("Yksinäisyys", TableReader.ReadCsv(TableReader.Decode(latin))[1][1].Text);
        byte[] utf8 = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
        Assert.Equal("Yksinäisyys", TableReader.ReadCsv(TableReader.Decode(utf8))[1][1].Text);
    }
}
