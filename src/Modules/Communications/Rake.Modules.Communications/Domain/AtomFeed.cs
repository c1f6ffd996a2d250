using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.Communications.Domain;

internal sealed record AtomEntry(
    Guid Id, string Title, string? Summary, string HtmlContent, DateTimeOffset Published, DateTimeOffset Updated, string Author,
    string Language,
    string Category);

/// <summary>
/// An RFC 4287 Atom feed written by System.ServiceModel.Syndication (docs/adr/0085): feed id, title, updated, author, self
/// link; per entry id, title, published, updated, author, category, summary, html content. Text goes through
/// <see cref="XmlChars"/>, because one stored character XML cannot hold would otherwise break the feed for every reader.
/// </summary>
internal static class AtomFeed
{
    private static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");

    public static string Write(Uri selfUri, string title, string author, IReadOnlyList<AtomEntry> entries, DateTimeOffset emptyUpdated)
    {
        var feed = new SyndicationFeed(entries.Select(Item))
        {
            Id = selfUri.AbsoluteUri,
            Title = new TextSyndicationContent(XmlChars.Clean(title)),
            LastUpdatedTime = Utc(entries.Count == 0 ? emptyUpdated : entries.Max(e => e.Updated)),
            Generator = "Rake",
        };
        feed.Authors.Add(new SyndicationPerson { Name = XmlChars.Clean(author) });
        feed.Links.Add(new SyndicationLink(selfUri, "self", null, "application/atom+xml", 0));
        // Through UTF-8 bytes, so the XML declaration names the encoding the response is sent in.
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.SaveAsAtom10(xml);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static SyndicationItem Item(AtomEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = $"urn:uuid:{entry.Id:D}",
            Title = new TextSyndicationContent(XmlChars.Clean(entry.Title)),
            PublishDate = Utc(entry.Published),
            LastUpdatedTime = Utc(entry.Updated),
            Content = new TextSyndicationContent(XmlChars.Clean(entry.HtmlContent), TextSyndicationContentKind.Html),
        };
        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            item.Summary = new TextSyndicationContent(XmlChars.Clean(entry.Summary));
        }
        item.AttributeExtensions.Add(XmlLang, XmlChars.Clean(entry.Language));
        item.Authors.Add(new SyndicationPerson { Name = XmlChars.Clean(entry.Author) });
        item.Categories.Add(new SyndicationCategory(XmlChars.Clean(entry.Category)));
        return item;
    }

    // Atom's date-time is RFC 3339; in UTC the formatter writes the "Z" form.
    private static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();
}
