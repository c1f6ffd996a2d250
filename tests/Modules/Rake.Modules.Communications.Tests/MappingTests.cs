using Mapster;
using Rake.BuildingBlocks.Mapping;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.AddPlanned;
using Rake.Modules.Communications.Features.InfoSessions;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Features.Plan;
using Rake.Modules.Communications.Features.Publications;
using Rake.Modules.Communications.Features.ScheduleInfoSession;

namespace Rake.Modules.Communications.Tests;

/// <summary>
/// The module's Mapster configuration: it compiles with every destination member sourced, and computes what the handlers no
/// longer do.
/// </summary>
public sealed class MappingTests
{
    private static readonly ModuleMapper<CommunicationsModule> Mapper = new();

    [Fact]
    public void The_configuration_compiles_with_every_destination_member_sourced()
    {
        Assert.True(Mapper.Config.RequireDestinationMemberSource);
        Mapper.Config.Compile();
    }

    [Fact]
    public void A_publication_carries_its_markdown_rendered_safely_and_its_states_as_names()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var publication = new Publication
        {
            Id = Guid.CreateVersion7(at),
            Kind = PublicationKind.MediaRelease,
            Channel = PublicationChannel.Website,
            Language = "sv",
            Title = "Rubrik",
            Body = "**Viktigt** <script>alert(1)</script>",
            Status = PublicationStatus.Approved,
            CreatedAt = at,
            CreatedBy = "Anna",
            ApprovedAt = at,
            ApprovedBy = "Bertil",
        };

        var dto = Mapper.Map<PublicationDto>(publication);

        Assert.Equal(("MediaRelease", "Website", "Approved"), (dto.Kind, dto.Channel, dto.Status));
        Assert.Contains("<strong>Viktigt</strong>", dto.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dto.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((publication.Id, "Rubrik", "Bertil", (string?)null), (dto.Id, dto.Title, dto.ApprovedBy, dto.PublishedBy));
    }

    [Fact]
    public void A_validated_publication_request_is_written_trimmed_onto_the_draft_and_leaves_the_rest()
    {
        var draft = new Publication { Id = Guid.CreateVersion7(), CreatedBy = "Anna", Status = PublicationStatus.Draft };

        new PublicationRequest("newsletter", " intranet ", null, " Otsikko ", "  ", " Teksti ", " Päätös 5/2026 ").Adapt(draft,
            Mapper.Config);

        Assert.Equal((PublicationKind.Newsletter, PublicationChannel.Intranet, "fi"), (draft.Kind, draft.Channel, draft.Language));
        Assert.Equal(("Otsikko", (string?)null, "Teksti", "Päätös 5/2026"), (draft.Title, draft.Summary, draft.Body, draft.SourceDecision));
        Assert.Equal(("Anna", PublicationStatus.Draft), (draft.CreatedBy, draft.Status));
    }

    [Fact]
    public void A_list_shows_its_members_in_address_order()
    {
        var list = new DistributionList { Id = Guid.CreateVersion7(), Name = "Työryhmä" };
        list.Members.Add(new ListMember { Email = "b@example.invalid", Name = "Bea" });
        list.Members.Add(new ListMember { Email = "B@example.invalid" });
        list.Members.Add(new ListMember { Email = "a@example.invalid" });

        var dto = Mapper.Map<DistributionListDto>(list);

        Assert.Equal(["B@example.invalid", "a@example.invalid", "b@example.invalid"], dto.Members.Select(m => m.Email));
        Assert.Equal("Bea", dto.Members[2].Name);
    }

    [Fact]
    public void A_delivery_and_the_settings_map_field_by_field()
    {
        var delivery = new MailDelivery
        {
            Id = Guid.CreateVersion7(),
            To = "x@example.invalid",
            Subject = "Aihe",
            Body = "Teksti",
            Status = DeliveryStatus.Failed,
            Attempts = 5,
            LastError = "550",
        };

        var dto = Mapper.Map<DeliveryDto>(delivery);

        Assert.Equal(("Failed", 5, "550", "x@example.invalid"), (dto.Status, dto.Attempts, dto.LastError, dto.To));
        Assert.True(Mapper.Map<SettingsDto>(new CommunicationSettings { EmailReporters = true }).EmailReporters);
    }

    [Fact]
    public void A_plan_row_splits_its_cells_into_lines_and_a_planned_item_shows_its_status()
    {
        var row = Mapper.Map<PlanRowDto>(new PlanRow
        {
            TargetGroup = "Henkilöstö",
            Goals = "Tieto\n  \n Osallisuus ",
            Channels = "Intranet"
        });

        Assert.Equal(["Tieto", "Osallisuus"], row.Goals);
        Assert.Equal(["Intranet"], row.Channels);
        Assert.Equal("Tieto\nOsallisuus", PlanMapping.Joined([" Tieto", null, "", "Osallisuus "]));

        var planned = new PlannedCommunication();
        new PlannedRequest(" Tiedote ", " Henkilöstö ", " ", "Intranet", null, null, null).Adapt(planned, Mapper.Config);
        Assert.Equal(("Tiedote", "Henkilöstö", (string?)null), (planned.What, planned.Audience, planned.CoreMessage));
        planned.Status = PlannedStatus.Done;
        Assert.Equal("Done", Mapper.Map<PlannedDto>(planned).Status);
    }

    [Fact]
    public void An_info_session_renders_its_materials_and_a_request_starts_in_utc()
    {
        var starts = new DateTimeOffset(2026, 5, 4, 13, 0, 0, TimeSpan.FromHours(3));
        var session = new InfoSession { Id = Guid.CreateVersion7() };

        new InfoSessionRequest("staffinfo", " Info ", starts, " Teams ", "*Diat*").Adapt(session, Mapper.Config);
        var dto = Mapper.Map<InfoSessionDto>(session);

        Assert.Equal((InfoSessionKind.StaffInfo, "Info", "Teams", TimeSpan.Zero), (session.Kind, session.Title, session.Location,
            session.StartsAt.Offset));
        Assert.Equal(starts, dto.StartsAt);
        Assert.Contains("<em>Diat</em>", dto.MaterialsHtml, StringComparison.Ordinal);
        Assert.Equal("StaffInfo", dto.Kind);
    }
}
