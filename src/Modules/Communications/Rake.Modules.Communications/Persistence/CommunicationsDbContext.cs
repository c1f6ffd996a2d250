using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Domain;

namespace Rake.Modules.Communications.Persistence;

internal sealed class CommunicationsDbContext(
    DbContextOptions<CommunicationsDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "communications";

    public override string Schema => SchemaName;

    public DbSet<PlanRow> PlanRows => Set<PlanRow>();
    public DbSet<PlannedCommunication> Planned => Set<PlannedCommunication>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<DistributionList> Lists => Set<DistributionList>();
    public DbSet<ListMember> ListMembers => Set<ListMember>();
    public DbSet<MailDelivery> Deliveries => Set<MailDelivery>();
    public DbSet<InfoSession> InfoSessions => Set<InfoSession>();
    public DbSet<CommunicationSettings> Settings => Set<CommunicationSettings>();
    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();
    public DbSet<NoticeLanguage> NoticeLanguages => Set<NoticeLanguage>();
    public DbSet<NoticeMarker> NoticeMarkers => Set<NoticeMarker>();
    public DbSet<PersonNotice> PersonNotices => Set<PersonNotice>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PlanRow>(b =>
        {
            b.ToTable("PlanRows");
            b.HasKey(r => r.Id);
            b.Property(r => r.TargetGroup).HasMaxLength(PlanRow.TargetGroupMax);
            b.Property(r => r.Goals).HasMaxLength(PlanRow.TextMax);
            b.Property(r => r.Channels).HasMaxLength(PlanRow.TextMax);
            b.HasIndex(r => new { r.RegionCode, r.SortOrder });
        });
        modelBuilder.Entity<PlannedCommunication>(b =>
        {
            b.ToTable("PlannedCommunications");
            b.HasKey(p => p.Id);
            b.Property(p => p.What).HasMaxLength(PlannedCommunication.TextMax);
            b.Property(p => p.Audience).HasMaxLength(PlannedCommunication.TextMax);
            b.Property(p => p.CoreMessage).HasMaxLength(PlannedCommunication.TextMax);
            b.Property(p => p.Channel).HasMaxLength(PlannedCommunication.TextMax);
            b.Property(p => p.Timing).HasMaxLength(PlannedCommunication.TextMax);
            b.Property(p => p.Responsible).HasMaxLength(PlannedCommunication.TextMax);
            b.Property(p => p.SourceDecision).HasMaxLength(PlannedCommunication.ShortMax);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(p => new { p.RegionCode, p.SourceReportNumber }).IsUnique();
        });
        modelBuilder.Entity<Publication>(b =>
        {
            b.ToTable("Publications");
            b.HasKey(p => p.Id);
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
            b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.Language).HasMaxLength(2);
            b.Property(p => p.Title).HasMaxLength(Publication.TitleMax);
            b.Property(p => p.Summary).HasMaxLength(Publication.SummaryMax);
            b.Property(p => p.Body).HasMaxLength(Publication.BodyMax);
            b.Property(p => p.SourceDecision).HasMaxLength(Publication.SourceMax);
            b.Property(p => p.CreatedBy).HasMaxLength(200);
            b.Property(p => p.ApprovedBy).HasMaxLength(200);
            b.Property(p => p.PublishedBy).HasMaxLength(200);
            b.Property(p => p.SourceKey).HasMaxLength(MailDelivery.SourceKeyMax);
            b.HasIndex(p => new { p.RegionCode, p.Channel, p.Status, p.PublishedAt });
            b.HasIndex(p => new { p.RegionCode, p.SourceKey }).IsUnique();
        });
        modelBuilder.Entity<DistributionList>(b =>
        {
            b.ToTable("DistributionLists");
            b.HasKey(l => l.Id);
            b.Property(l => l.Name).HasMaxLength(DistributionList.NameMax);
            b.Property(l => l.Description).HasMaxLength(DistributionList.DescriptionMax);
            b.HasIndex(l => new { l.RegionCode, l.Name }).IsUnique();
            b.HasMany(l => l.Members).WithOne().HasForeignKey(m => m.ListId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ListMember>(b =>
        {
            b.ToTable("ListMembers");
            b.HasKey(m => new { m.ListId, m.Email });
            b.Property(m => m.Email).HasMaxLength(ListMember.EmailMax);
            b.Property(m => m.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<MailDelivery>(b =>
        {
            b.ToTable("MailDeliveries");
            b.HasKey(d => d.Id);
            b.Property(d => d.To).HasMaxLength(ListMember.EmailMax);
            b.Property(d => d.Subject).HasMaxLength(MailDelivery.SubjectMax);
            b.Property(d => d.Body).HasMaxLength(MailDelivery.BodyMax);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.LastError).HasMaxLength(MailDelivery.ErrorMax);
            b.Property(d => d.SourceKey).HasMaxLength(MailDelivery.SourceKeyMax);
            b.HasIndex(d => new { d.RegionCode, d.Status, d.NextAttemptAt });
            b.HasIndex(d => new { d.RegionCode, d.SourceKey });
        });
        modelBuilder.Entity<InfoSession>(b =>
        {
            b.ToTable("InfoSessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.Title).HasMaxLength(InfoSession.TitleMax);
            b.Property(s => s.Location).HasMaxLength(InfoSession.LocationMax);
            b.Property(s => s.Materials).HasMaxLength(InfoSession.MaterialsMax);
            b.Property(s => s.SourceKey).HasMaxLength(MailDelivery.SourceKeyMax);
            b.HasIndex(s => new { s.RegionCode, s.StartsAt });
            b.HasIndex(s => new { s.RegionCode, s.SourceKey }).IsUnique();
        });
        modelBuilder.Entity<CommunicationSettings>(b =>
        {
            b.ToTable("Settings");
            b.HasKey(s => s.RegionCode);
        });
        modelBuilder.Entity<NoticePreference>(b =>
        {
            b.ToTable("NoticePreferences");
            b.HasKey(p => new { p.RegionCode, p.UserId, p.Kind });
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<NoticeLanguage>(b =>
        {
            b.ToTable("NoticeLanguages");
            b.HasKey(l => new { l.RegionCode, l.UserId });
            b.Property(l => l.Language).HasMaxLength(2);
        });
        modelBuilder.Entity<NoticeMarker>(b =>
        {
            b.ToTable("NoticeMarkers");
            b.HasKey(m => new { m.RegionCode, m.Key });
            b.Property(m => m.Key).HasMaxLength(NoticeMarker.KeyMax);
        });
        modelBuilder.Entity<PersonNotice>(b =>
        {
            b.ToTable("PersonNotices");
            b.HasKey(n => n.Id);
            b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(n => n.Template).HasMaxLength(PersonNotice.TemplateMax);
            b.Property(n => n.Args).HasMaxLength(PersonNotice.ArgsMax);
            b.Property(n => n.Link).HasMaxLength(PersonNotice.LinkMax);
            b.HasIndex(n => new { n.RegionCode, n.UserId, n.CreatedAt });
            b.HasIndex(n => new { n.RegionCode, n.InDigest, n.DigestedAt });
        });
    }
}
