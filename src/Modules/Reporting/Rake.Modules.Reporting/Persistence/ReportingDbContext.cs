using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

internal sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options, IRequestContext requestContext,
    TimeProvider clock, OutboxSignal outboxSignal, ActiveTermCache? termCache = null)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "reporting";

    /// <summary>Drops the cached active terms of every region whose terms this save changes, before and after the write
    /// (docs/adr/0193): a submission that read them meanwhile keeps its copy for itself only.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var regions = termCache is null ? [] : ChangedTermRegions();
        foreach (var region in regions)
        {
            termCache!.Invalidate(region);
        }
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var region in regions)
        {
            termCache!.Invalidate(region);
        }
        return written;
    }

    private List<string> ChangedTermRegions()
    {
        var regions = new List<string>();
        foreach (var entry in ChangeTracker.Entries<TaxonomyTerm>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                regions.Add(entry.Entity.RegionCode is { Length: > 0 } code ? code : CurrentRegionCode ?? "");
            }
        }
        return regions.Distinct().ToList();
    }

    public override string Schema => SchemaName;

    public DbSet<SocialReport> Reports => Set<SocialReport>();
    public DbSet<ReportCategory> ReportCategories => Set<ReportCategory>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<SupervisorRecord> SupervisorRecords => Set<SupervisorRecord>();
    public DbSet<TaxonomyTerm> Terms => Set<TaxonomyTerm>();
    public DbSet<SupervisorListing> Supervisors => Set<SupervisorListing>();
    public DbSet<ReportingSettings> Settings => Set<ReportingSettings>();

    /// <summary>The region's period scheme, or the default while its RegionAdmin has not chosen one.</summary>
    public async Task<PeriodScheme> PeriodSchemeAsync(CancellationToken ct) =>
        (await Settings.AsNoTracking().FirstOrDefaultAsync(ct))?.Scheme ?? PeriodScheme.Default;
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CompilationNote> CompilationNotes => Set<CompilationNote>();
    public DbSet<AnnualSocialReport> AnnualReports => Set<AnnualSocialReport>();
    public DbSet<ImportedRow> ImportedRows => Set<ImportedRow>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<PhenomenonReport> PhenomenonReports => Set<PhenomenonReport>();
    public DbSet<Phenomenon> Phenomena => Set<Phenomenon>();
    public DbSet<PhenomenonLink> PhenomenonLinks => Set<PhenomenonLink>();
    public DbSet<MunicipalResponse> MunicipalResponses => Set<MunicipalResponse>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SocialReport>(b =>
        {
            b.ToTable("SocialReports");
            b.HasKey(r => r.Id);
            b.HasIndex(r => new { r.RegionCode, r.Number }).IsUnique();
            b.HasIndex(r => new { r.RegionCode, r.ReceivedAt });
            b.HasIndex(r => new { r.RegionCode, r.SupervisorId });
            b.HasIndex(r => new { r.RegionCode, r.ReporterId });
            b.Property(r => r.ReporterUserName).HasMaxLength(256);
            b.Property(r => r.ReporterName).HasMaxLength(200);
            b.Property(r => r.PhenomenonType).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Title).HasMaxLength(SocialReport.TitleMax);
            b.Property(r => r.Description).HasMaxLength(SocialReport.DescriptionMax);
            b.Property(r => r.Proposal).HasMaxLength(SocialReport.ProposalMax);
            b.Property(r => r.TriedAlready).HasMaxLength(SocialReport.TriedAlreadyMax);
            b.Property(r => r.ServiceArea).HasMaxLength(SocialReport.CodeMax);
            b.Property(r => r.Municipality).HasMaxLength(SocialReport.CodeMax);
            b.Property(r => r.TargetGroup).HasMaxLength(SocialReport.CodeMax);
            b.Property(r => r.SupervisorUserName).HasMaxLength(256);
            b.Property(r => r.SupervisorName).HasMaxLength(200);
            b.Property(r => r.Language).HasMaxLength(2);
            b.HasMany(r => r.Categories).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.CoReporters).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Timeline).WithOne().HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(r => r.Record).WithOne().HasForeignKey<SupervisorRecord>(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReportCategory>(b =>
        {
            b.ToTable("ReportCategories");
            b.HasKey(c => new { c.ReportId, c.Code });
            b.Property(c => c.Code).HasMaxLength(SocialReport.CodeMax);
            // No index on (RegionCode, Code): categories are always reached through their report, and with such an
            // index SQLite's planner scans every category row of the region instead of the period's reports.
        });
        modelBuilder.Entity<CoReporter>(b =>
        {
            b.ToTable("CoReporters");
            b.HasKey(c => new { c.ReportId, c.UserId });
            b.Property(c => c.UserName).HasMaxLength(256);
            b.Property(c => c.DisplayName).HasMaxLength(200);
            b.HasIndex(c => new { c.RegionCode, c.UserId });
        });
        modelBuilder.Entity<TimelineEntry>(b =>
        {
            b.ToTable("TimelineEntries");
            b.HasKey(t => t.Id);
            b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Actor).HasMaxLength(200);
            b.Property(t => t.Comment).HasMaxLength(TimelineEntry.CommentMax);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Code).HasMaxLength(TimelineEntry.CodeMax);
            b.HasIndex(t => t.ReportId);
        });
        modelBuilder.Entity<SupervisorRecord>(b =>
        {
            b.ToTable("SupervisorRecords");
            b.HasKey(s => s.ReportId);
            foreach (var name in new[] { nameof(SupervisorRecord.CoreOfReport), nameof(SupervisorRecord.CommunicationGoal),
                nameof(SupervisorRecord.Audience),
                         nameof(SupervisorRecord.CoreMessage), nameof(SupervisorRecord.ChannelAndMethod), nameof(SupervisorRecord.Timing),
                         nameof(SupervisorRecord.Responsible), nameof(SupervisorRecord.FollowUp), nameof(SupervisorRecord.Result) })
            {
                b.Property(name).HasMaxLength(SupervisorRecord.FieldMax);
            }
            b.Property(s => s.UpdatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<TaxonomyTerm>(b =>
        {
            b.ToTable("TaxonomyTerms");
            b.HasKey(t => t.Id);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Code).HasMaxLength(SocialReport.CodeMax);
            b.Property(t => t.NameFi).HasMaxLength(200);
            b.Property(t => t.NameSv).HasMaxLength(200);
            b.Property(t => t.NameEn).HasMaxLength(200);
            b.HasIndex(t => new { t.RegionCode, t.Kind, t.Code }).IsUnique();
        });
        modelBuilder.Entity<SupervisorListing>(b =>
        {
            b.ToTable("Supervisors");
            b.HasKey(s => s.Id);
            b.Property(s => s.UserName).HasMaxLength(256);
            b.Property(s => s.DisplayName).HasMaxLength(200);
            b.Property(s => s.ServiceArea).HasMaxLength(SocialReport.CodeMax);
            b.HasIndex(s => new { s.RegionCode, s.UserId }).IsUnique();
        });
        modelBuilder.Entity<ReportingSettings>(b =>
        {
            b.ToTable("Settings");
            b.HasKey(s => s.RegionCode);
            // The column keeps its first name; rows written before half-years had a start month are moved by the migration.
            b.Property(s => s.PeriodKind).HasColumnName("PeriodScheme").HasConversion<string>().HasMaxLength(40);
            b.Property(s => s.HalfYearStartMonth).HasDefaultValue(1);
            b.Ignore(s => s.Scheme);
        });
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("Notifications");
            b.HasKey(n => n.Id);
            b.Property(n => n.Kind).HasMaxLength(40);
            b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(n => new { n.RegionCode, n.UserId, n.ReadAt });
        });
        OutputsModel.Configure(modelBuilder);
        PhenomenonReportModel.Configure(modelBuilder);
        PhenomenonRegisterModel.Configure(modelBuilder);
        modelBuilder.Entity<MunicipalResponse>(b =>
        {
            b.ToTable("MunicipalResponses");
            b.HasKey(r => r.Id);
            b.Property(r => r.PeriodId).HasMaxLength(CompilationNote.PeriodIdMax);
            b.Property(r => r.Municipality).HasMaxLength(SocialReport.CodeMax);
            b.Property(r => r.Text).HasMaxLength(MunicipalResponse.TextMax);
            b.Property(r => r.RecordedBy).HasMaxLength(200);
            b.HasIndex(r => new { r.RegionCode, r.PeriodId, r.Municipality });
        });
        ImportRunModel.Configure(modelBuilder);
        ReportNumbering.Configure(modelBuilder);
    }
}
