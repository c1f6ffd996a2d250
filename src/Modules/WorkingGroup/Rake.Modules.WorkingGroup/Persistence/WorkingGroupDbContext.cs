using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.WorkingGroup.Domain;

namespace Rake.Modules.WorkingGroup.Persistence;

internal sealed class WorkingGroupDbContext(
    DbContextOptions<WorkingGroupDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "workinggroup";
    public const int EnumMax = 30;
    public const int KeyMax = 200;
    public const int NumbersMax = 1000;

    public override string Schema => SchemaName;

    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyMember> Members => Set<BodyMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<ActionProposal> Proposals => Set<ActionProposal>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<WellbeingGroupNomination> Nominations => Set<WellbeingGroupNomination>();
    public DbSet<BudgetProposal> BudgetProposals => Set<BudgetProposal>();
    public DbSet<CalendarSubscription> CalendarSubscriptions => Set<CalendarSubscription>();

    // No foreign keys between the tables: every row is reached through its region-filtered parent by id, and a body's
    // history (meetings, decisions) is kept, never cascaded away.
    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CalendarSubscription>(b =>
        {
            b.ToTable("CalendarSubscriptions");
            b.HasKey(x => x.Id);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.Property(x => x.Language).HasMaxLength(2);
            b.HasIndex(x => x.TokenHash).IsUnique();
            b.HasIndex(x => new { x.RegionCode, x.UserId });
        });
        modelBuilder.Entity<Body>(b =>
        {
            b.ToTable("Bodies");
            b.HasKey(x => x.Id);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumMax);
            b.Property(x => x.Name).HasMaxLength(Limits.Name);
            b.Property(x => x.Description).HasMaxLength(Limits.Text);
            b.HasIndex(x => new { x.RegionCode, x.Name }).IsUnique();
        });
        modelBuilder.Entity<BodyMember>(b =>
        {
            b.ToTable("Members");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(Limits.Name);
            b.Property(x => x.Title).HasMaxLength(Limits.Name);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Role).HasConversion<string>().HasMaxLength(EnumMax);
            b.HasIndex(x => new { x.RegionCode, x.BodyId });
        });
        modelBuilder.Entity<Meeting>(b =>
        {
            b.ToTable("Meetings");
            b.HasKey(x => x.Id);
            b.Property(x => x.Title).HasMaxLength(Limits.Name);
            b.Property(x => x.Location).HasMaxLength(Limits.Name);
            b.Property(x => x.OnlineUrl).HasMaxLength(Limits.Url);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumMax);
            b.Property(x => x.Minutes).HasMaxLength(Limits.Text);
            b.Property(x => x.SourceKey).HasMaxLength(KeyMax);
            b.HasIndex(x => new { x.RegionCode, x.BodyId, x.StartsAt });
            b.HasIndex(x => new { x.RegionCode, x.SourceKey }).IsUnique();
        });
        modelBuilder.Entity<AgendaItem>(b =>
        {
            b.ToTable("AgendaItems");
            b.HasKey(x => x.Id);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumMax);
            b.Property(x => x.Title).HasMaxLength(Limits.Name);
            b.Property(x => x.Notes).HasMaxLength(Limits.Text);
            b.Property(x => x.SourceKey).HasMaxLength(KeyMax);
            b.HasIndex(x => new { x.RegionCode, x.MeetingId });
            b.HasIndex(x => new { x.RegionCode, x.SourceKey }).IsUnique();
        });
        modelBuilder.Entity<Attendance>(b =>
        {
            b.ToTable("Attendance");
            b.HasKey(x => new { x.MeetingId, x.MemberId });
        });
        modelBuilder.Entity<Decision>(b =>
        {
            b.ToTable("Decisions");
            b.HasKey(x => x.Id);
            b.Property(x => x.Phenomenon).HasMaxLength(Limits.Name);
            b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(EnumMax);
            b.Property(x => x.Text).HasMaxLength(Limits.Text);
            b.Property(x => x.ResponsiblePerson).HasMaxLength(Limits.Name);
            b.Property(x => x.ReportNumbers).HasMaxLength(NumbersMax);
            b.Property(x => x.SourceKey).HasMaxLength(KeyMax);
            b.HasIndex(x => new { x.RegionCode, x.MeetingId });
            b.HasIndex(x => new { x.RegionCode, x.SourceKey }).IsUnique();
        });
        modelBuilder.Entity<ActionProposal>(b =>
        {
            b.ToTable("ActionProposals");
            b.HasKey(x => x.Id);
            b.Property(x => x.Title).HasMaxLength(Limits.Name);
            b.Property(x => x.Description).HasMaxLength(Limits.Text);
            b.Property(x => x.TargetKind).HasConversion<string>().HasMaxLength(EnumMax);
            b.Property(x => x.Target).HasMaxLength(Limits.Name);
            b.Property(x => x.Result).HasMaxLength(Limits.Text);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumMax);
            b.HasIndex(x => new { x.RegionCode, x.MeetingId });
        });
        modelBuilder.Entity<Assignment>(b =>
        {
            b.ToTable("Assignments");
            b.HasKey(x => x.Id);
            b.Property(x => x.Title).HasMaxLength(Limits.Name);
            b.Property(x => x.AssigneeUserName).HasMaxLength(256);
            b.Property(x => x.AssigneeName).HasMaxLength(Limits.Name);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumMax);
            b.Property(x => x.FollowUp).HasMaxLength(Limits.Text);
            b.HasIndex(x => new { x.RegionCode, x.AssigneeId });
            b.HasIndex(x => new { x.RegionCode, x.MeetingId });
        });
        modelBuilder.Entity<WellbeingGroupNomination>(b =>
        {
            b.ToTable("WellbeingGroupNominations");
            b.HasKey(x => x.Id);
            b.Property(x => x.Municipality).HasMaxLength(Limits.Name);
            b.Property(x => x.GroupName).HasMaxLength(Limits.Name);
            b.Property(x => x.MemberName).HasMaxLength(Limits.Name);
            b.Property(x => x.DeputyName).HasMaxLength(Limits.Name);
            b.Property(x => x.DecidedBy).HasMaxLength(Limits.Name);
            b.HasIndex(x => new { x.RegionCode, x.Municipality });
            b.HasIndex(x => new { x.RegionCode, x.MemberUserId });
            b.HasIndex(x => new { x.RegionCode, x.DeputyUserId });
        });
        modelBuilder.Entity<BudgetProposal>(b =>
        {
            b.ToTable("BudgetProposals");
            b.HasKey(x => x.Id);
            b.Property(x => x.Title).HasMaxLength(Limits.Name);
            b.Property(x => x.Justification).HasMaxLength(Limits.Text);
            b.Property(x => x.Result).HasMaxLength(Limits.Text);
            b.Property(x => x.ServiceArea).HasMaxLength(Limits.Name);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumMax);
            b.HasIndex(x => new { x.RegionCode, x.Year });
        });
    }
}
