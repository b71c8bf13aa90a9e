@echo off
rem Runs the nomos command line on Windows, as the `nomos` script beside it does elsewhere: builds
rem cli\target\nomos.jar first when it is missing or older than the sources (build output goes to
rem stderr, so `nomos.cmd lsp` keeps stdout for the protocol), then runs it with java.
setlocal
set "NOMOS_ROOT=%~dp0"
set "NOMOS_JAR=%NOMOS_ROOT%cli\target\nomos.jar"
set "stale=1"
if not exist "%NOMOS_JAR%" goto build
set "stale=0"
rem PowerShell (part of every supported Windows) tells whether a pom or a main source is newer than the jar.
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:NOMOS_JAR).LastWriteTimeUtc; $r = $env:NOMOS_ROOT; $files = @(Get-Item -LiteralPath (Join-Path $r 'pom.xml')) + @(Get-ChildItem -Path (Join-Path $r '*\pom.xml') -File) + @(Get-ChildItem -Path (Join-Path $r '*\src\main') -Recurse -File -ErrorAction SilentlyContinue); if ($files | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1) { exit 1 } else { exit 0 }" >nul 2>&1
if errorlevel 1 if not errorlevel 2 set "stale=1"
if "%stale%"=="0" goto run
:build
echo nomos: building the command-line jar (first run or sources changed)... 1>&2
pushd "%NOMOS_ROOT%"
call mvnw.cmd -q -B -DskipTests -Dmaven.test.skip=true package -pl cli -am 1>&2
set "build=%ERRORLEVEL%"
popd
if not "%build%"=="0" exit /b %build%
:run
java %NOMOS_JAVA_OPTS% -jar "%NOMOS_JAR%" %*
exit /b %ERRORLEVEL%
