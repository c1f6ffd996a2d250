using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Platform;

/// <summary>Identity users (no global roles: roles are per region) and the region catalogue. Written by hand, see docs/adr/0003.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000000_PlatformInitial")]
internal sealed class M0001_PlatformInitial : Migration
{
    private const string Schema = PlatformDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        if (s is not null)
        {
            mb.EnsureSchema(s);
        }
        var users = mb.TableFor(Schema, "AspNetUsers");
        mb.CreateTable(users, schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(type: instant, nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{users}", x => x.Id));
        mb.CreateIndex("EmailIndex", users, "NormalizedEmail", s);
        mb.CreateIndex("UserNameIndex", users, "NormalizedUserName", s, unique: true);

        var claims = mb.TableFor(Schema, "AspNetUserClaims");
        mb.CreateTable(claims, schema: s, columns: t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{claims}", x => x.Id);
            t.ForeignKey($"FK_{claims}_{users}_UserId", x => x.UserId, users, "Id", s, onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex($"IX_{claims}_UserId", claims, "UserId", s);

        var logins = mb.TableFor(Schema, "AspNetUserLogins");
        mb.CreateTable(logins, schema: s, columns: t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{logins}", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey($"FK_{logins}_{users}_UserId", x => x.UserId, users, "Id", s, onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex($"IX_{logins}_UserId", logins, "UserId", s);

        var tokens = mb.TableFor(Schema, "AspNetUserTokens");
        mb.CreateTable(tokens, schema: s, columns: t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{tokens}", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey($"FK_{tokens}_{users}_UserId", x => x.UserId, users, "Id", s, onDelete: ReferentialAction.Cascade);
        });

        var regions = mb.TableFor(Schema, "Regions");
        mb.CreateTable(regions, schema: s, columns: t => new
        {
            Code = t.Column<string>(maxLength: 40, nullable: false),
            NameFi = t.Column<string>(maxLength: 200, nullable: false),
            NameSv = t.Column<string>(maxLength: 200, nullable: false),
            NameEn = t.Column<string>(maxLength: 200, nullable: false),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{regions}", x => x.Code));

        var roles = mb.TableFor(Schema, "RegionRoles");
        mb.CreateTable(roles, schema: s, columns: t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{roles}", x => new { x.UserId, x.RegionCode, x.Role }));
        mb.CreateIndex($"IX_{roles}_RegionCode_Role", roles, ["RegionCode", "Role"], s);
    }
}
