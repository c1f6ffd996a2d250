using System.Globalization;
using System.Text;
using System.Xml;

namespace Rake.Modules.Communications.Domain;

internal sealed record AtomEntry(Guid Id, string Title, string? Summary, string HtmlContent, DateTimeOffset Published, DateTimeOffset Updated, string Author, string Language, string Category);

/// <summary>Writes an RFC 4287 Atom feed by hand: feed id, title, updated, author, self link; per entry id, title, updated, content.</summary>
internal static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(Uri selfUri, string title, string author, IReadOnlyList<AtomEntry> entries, DateTimeOffset emptyUpdated)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false };
        using (var stringWriter = new Utf8StringWriter(builder))
        using (var xml = XmlWriter.Create(stringWriter, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, selfUri.AbsoluteUri);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Format(entries.Count == 0 ? emptyUpdated : entries.Max(e => e.Updated)));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, author);
            xml.WriteEndElement();
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/atom+xml");
            xml.WriteAttributeString("href", selfUri.AbsoluteUri);
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "Rake");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteAttributeString("xml", "lang", null, entry.Language);
                xml.WriteElementString("id", Atom, $"urn:uuid:{entry.Id:D}");
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("published", Atom, Format(entry.Published));
                xml.WriteElementString("updated", Atom, Format(entry.Updated));
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, entry.Author);
                xml.WriteEndElement();
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", entry.Category);
                xml.WriteEndElement();
                if (!string.IsNullOrWhiteSpace(entry.Summary))
                {
                    xml.WriteElementString("summary", Atom, entry.Summary);
                }
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(entry.HtmlContent);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return builder.ToString();
    }

    private static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
