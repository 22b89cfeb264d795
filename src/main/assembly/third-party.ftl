<#--
  THIRD-PARTY.txt of the release archive, made by license-maven-plugin (add-third-party) from the
  dependencies' POMs. licenseMap: entries of licence name -> the dependencies under it.
-->
<#function artifact p>
  <#if p.name?index_of('Unnamed') gt -1><#local name = p.artifactId><#else><#local name = p.name></#if>
  <#return name + " " + p.version + " (" + p.groupId + ":" + p.artifactId + ")" + (p.url?has_content?then(" " + p.url, ""))>
</#function>
Third-party software in readiness

lib/readiness.jar holds readiness itself (Apache-2.0, see LICENSE) and the ${dependencyMap?size}
libraries below, unmodified, and the DejaVu fonts. Each licence named here is in licenses/, one
file per licence (licenses/NAME.txt); a library listed under two licences is offered under
either.

Because the jar includes JFreeSVG (GPL-3.0-or-later), lib/readiness.jar as a whole is distributed
under the GNU General Public License, version 3 or later (licenses/GPL-3.0-or-later.txt). The
source of readiness is its repository; the source of each library is published beside its jar in
Maven Central (groupId:artifactId below) and at the address given.

Libraries, by licence
<#list licenseMap as e>
<#if e.getValue()?size gt 0>

${e.getKey()}
<#list e.getValue() as p>
  - ${artifact(p)}
</#list>
</#if>
</#list>

Fonts, by licence

DejaVu-Fonts
  - DejaVu Sans, DejaVu Sans Bold, DejaVu Sans Mono 2.37 (fonts/ in the jar), embedded in PDF
    reports as subsets. https://dejavu-fonts.github.io/
    Bitstream Vera fonts copyright (c) 2003 Bitstream, Inc.; DejaVu changes are in the public
    domain. Licence: licenses/DejaVu-Fonts.txt
