using System.Globalization;
using Rake.BuildingBlocks.Mapping;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.PhenomenonReports;
using Rake.Modules.Reporting.Features.RegionSetup;
using Rake.Modules.Reporting.Features.ViewReports;

namespace Rake.Modules.Reporting.Tests;

/// <summary>Reporting's Mapster configuration: it compiles with every DTO member sourced, and its computed fields are right.</summary>
public sealed class MappingTests
{
    private static readonly ModuleMapper<ReportingModule> Mapper = new();

    [Fact]
    public void The_configuration_compiles_with_every_destination_member_sourced()
    {
        var config = new ModuleMapper<ReportingModule>().Config;

        Assert.True(config.RequireDestinationMemberSource);
        config.Compile();
    }

    [Fact]
    public void A_phenomenon_report_gets_its_criteria_related_reports_and_entries_in_the_order_written()
    {
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var report = new PhenomenonReport
        {
            Id = Guid.NewGuid(),
            Title = "Yksinäisyys",
            Description = "Kuvaus",
            Needs = "N",
            Topicality = "T",
            Significance = "S",
            Recurrence = "R",
            RelatedReports = "3,12,40",
            Stage = PhenomenonReportStage.Workshop2,
            CreatedBy = "vastuu",
            CreatedAt = at,
            Entries =
            [
                new PhenomenonEntry { Id = Guid.NewGuid(), Kind = PhenomenonEntryKind.ActionProposal, Text = "later", Author = "b",
                    At = at.AddHours(2) },
                new PhenomenonEntry { Id = Guid.NewGuid(), Kind = PhenomenonEntryKind.Extent, Text = "first", Author = "a", At = at },
            ],
        };

        var dto = Mapper.Map<PhenomenonReportDto>(report);

        Assert.Equal(new PhenomenonCriteriaDto("N", "T", "S", "R"), dto.Criteria);
        Assert.Equal([3, 12, 40], dto.RelatedReports);
        Assert.Equal("Workshop2", dto.Stage);
        Assert.Equal(["first", "later"], dto.Entries.Select(e => e.Text));
        Assert.Equal(["Extent", "ActionProposal"], dto.Entries.Select(e => e.Kind));
        Assert.Empty(Mapper.Map<PhenomenonReportDto>(new PhenomenonReport { RelatedReports = "" }).RelatedReports);
    }

    [Fact]
    public void A_term_is_named_in_the_callers_language_and_in_finnish_without_a_translation()
    {
        var term = new TaxonomyTerm
        {
            Id = Guid.NewGuid(),
            Kind = TermKind.Municipality,
            Code = "kotka",
            NameFi = "Kotka",
            NameSv = "Kotka stad"
        };
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv");
            var swedish = Mapper.Map<TermDto>(term);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var english = Mapper.Map<CategoryDto>(term);

            Assert.Equal("Kotka stad", swedish.Name);
            Assert.Equal("Municipality", swedish.Kind);
            Assert.Equal(("Kotka", "Kotka stad", ""), (swedish.NameFi, swedish.NameSv, swedish.NameEn));
            Assert.Equal(new CategoryDto("kotka", "Kotka"), english);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Supervisors_and_compilation_notes_keep_their_fields()
    {
        var listing = new SupervisorListing
        {
            Id = Guid.NewGuid(),
            UserName = "esimies",
            DisplayName = "Essi Esimies",
            ServiceArea = "aikuiset",
            Active = false
        };
        var note = new CompilationNote
        {
            Id = Guid.NewGuid(),
            Kind = CompilationNoteKind.SteeringGroupDecision,
            ReportNumber = 7,
            Text = "Päätetään",
            ResponsiblePerson = "Vastuu",
            Author = "ohjaus",
            At = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal(new SupervisorDto(listing.Id, "esimies", "Essi Esimies", "aikuiset", false), Mapper.Map<SupervisorDto>(listing));
        Assert.Equal(new CompilationNoteDto(note.Id, "SteeringGroupDecision", 7, "Päätetään", "Vastuu", "ohjaus", DateTimeOffset.UnixEpoch),
            Mapper.Map<CompilationNoteDto>(note));
    }

    [Fact]
    public void A_report_is_mapped_for_its_reader_with_people_sorted_categories_and_the_timeline_in_order()
    {
        var at = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
        var report = new SocialReport
        {
            Id = Guid.NewGuid(),
            Number = 42,
            ReceivedAt = at,
            ReporterUserName = "raportoija",
            ReporterName = "Raili Raportoija",
            PhenomenonType = PhenomenonType.Other,
            Title = "Otsikko",
            Description = "Kuvaus",
            Proposal = "Ehdotus",
            ServiceArea = "adults",
            Municipality = "kajaani",
            TargetGroup = "Nuoret aikuiset",
            SupervisorUserName = "esimies",
            SupervisorName = "Essi Esimies",
            Language = "sv",
            Status = ReportStatus.WithSupervisor,
            Categories = [new ReportCategory { Code = "signals" }, new ReportCategory { Code = "housing" }],
            CoReporters = [new CoReporter { UserName = "kollega", DisplayName = "Kalle Kollega" }],
            Timeline =
            [
                new TimelineEntry { Id = Guid.NewGuid(), At = at.AddDays(3), Status = ReportStatus.WithSupervisor, Actor = "esimies" },
                new TimelineEntry { Id = Guid.NewGuid(), At = at, Status = ReportStatus.Received, Actor = "raportoija", Comment = "uusi" },
            ],
            Record = new SupervisorRecord { CoreOfReport = "Ydin", Priority = 2, UpdatedAt = at.AddDays(4), UpdatedBy = "esimies" },
        };

        var supervisor = ViewReportsMapping.Map(Mapper, report, new ReportReader(true, true, ["ToWorkingGroup", "Closed"]));
        var reporter = ViewReportsMapping.Map(Mapper, report, new ReportReader(false, false, []));

        Assert.Equal((report.Id, 42, at, "WithSupervisor", "Other"),
            (supervisor.Id, supervisor.Number, supervisor.ReceivedAt, supervisor.Status, supervisor.PhenomenonType));
        Assert.Equal(("Otsikko", "Kuvaus", "Ehdotus", null), (supervisor.Title, supervisor.Description, supervisor.Proposal,
            supervisor.TriedAlready));
        Assert.Equal(("adults", "kajaani", "Nuoret aikuiset", "sv"),
            (supervisor.ServiceArea, supervisor.Municipality, supervisor.TargetGroup, supervisor.Language));
        Assert.Equal(["housing", "signals"], supervisor.Categories);
        Assert.Equal(new PersonDto("raportoija", "Raili Raportoija"), supervisor.Reporter);
        Assert.Equal(new PersonDto("esimies", "Essi Esimies"), supervisor.Supervisor);
        Assert.Equal([new PersonDto("kollega", "Kalle Kollega")], supervisor.CoReporters);
        Assert.Equal(
            [new TimelineEntryDto(at, "Received", "raportoija", "uusi"), new TimelineEntryDto(at.AddDays(3), "WithSupervisor", "esimies",
                null)],
            supervisor.Timeline);
        Assert.Equal(new SupervisorRecordDto("Ydin", null, null, null, null, null, null, null, 2, null, at.AddDays(4), "esimies"),
            supervisor.SupervisorRecord);
        Assert.Equal(["ToWorkingGroup", "Closed"], supervisor.AllowedNextStatuses);
        Assert.True(supervisor.CanProcess);
        // The same report read by its reporter: no supervisor's record, nothing to do with it.
        Assert.Null(reporter.SupervisorRecord);
        Assert.Empty(reporter.AllowedNextStatuses);
        Assert.False(reporter.CanProcess);
        Assert.Equal(supervisor.Timeline, reporter.Timeline);
    }
}
