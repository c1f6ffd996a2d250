using System.Globalization;
using Mapster;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

/// <summary>The stored criteria become one object, the related report numbers a list, the entries in the order written.</summary>
internal sealed class PhenomenonReportMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PhenomenonEntry, PhenomenonEntryDto>();
        config.NewConfig<PhenomenonReport, PhenomenonReportDto>()
            .Map(d => d.Criteria, s => new PhenomenonCriteriaDto(s.Needs, s.Topicality, s.Significance, s.Recurrence))
            .Map(d => d.RelatedReports, s => Numbers(s.RelatedReports))
            .Map(d => d.Entries, s => s.Entries.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new PhenomenonEntryDto(e.Id, e.Kind.ToString(), e.Text, e.Author, e.At)).ToList());
    }

    public static List<int> Numbers(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
}
