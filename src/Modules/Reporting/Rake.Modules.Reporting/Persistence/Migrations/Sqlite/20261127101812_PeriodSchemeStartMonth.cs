using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeriodSchemeStartMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HalfYearStartMonth",
                table: "reporting_Settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // December half-years become half-years from month 12 (docs/adr/0102), so such regions keep their periods.
            migrationBuilder.Sql(
                "UPDATE \"reporting_Settings\" SET \"PeriodScheme\" = 'HalfYears', \"HalfYearStartMonth\" = 12 " +
                "WHERE \"PeriodScheme\" = 'HalfYearsFromDecember'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE \"reporting_Settings\" SET \"PeriodScheme\" = 'HalfYearsFromDecember' " +
                "WHERE \"PeriodScheme\" = 'HalfYears' AND \"HalfYearStartMonth\" = 12");

            migrationBuilder.DropColumn(
                name: "HalfYearStartMonth",
                table: "reporting_Settings");
        }
    }
}
